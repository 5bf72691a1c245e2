package vn.ccn.dms.platform;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request came from, filled by the web layer for the audit trail ("from where").
 * Outside an HTTP request (timers, start-up) it stays {@code "system"}.
 */
@RequestScoped
public class RequestOrigin {

    private String remoteAddress = "system";

    public String remoteAddress() {
        return remoteAddress;
    }

    public void remoteAddress(String address) {
        if (address != null && !address.isBlank()) {
            this.remoteAddress = address.length() > 64 ? address.substring(0, 64) : address;
        }
    }
}
