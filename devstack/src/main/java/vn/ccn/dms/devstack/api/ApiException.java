package vn.ccn.dms.devstack.api;

import java.util.Objects;

/** The server answered with a status the caller did not expect; the message carries the problem details. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiResponse response;

    public ApiException(ApiResponse response, String expectation) {
        super(Objects.requireNonNull(response, "response").describe() + " (" + expectation + ")");
        this.response = response;
    }

    public ApiResponse response() {
        return response;
    }

    public int status() {
        return response.status();
    }
}
