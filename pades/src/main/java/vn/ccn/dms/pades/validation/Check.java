package vn.ccn.dms.pades.validation;

import java.util.Objects;

/**
 * One check's outcome.
 *
 * @param message Vietnamese sentence for users
 * @param detail English technical detail for logs, may be empty
 */
public record Check(CheckCode code, CheckStatus status, String message, String detail) {

    public Check {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        detail = detail == null ? "" : detail;
    }
}
