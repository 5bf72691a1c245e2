package vn.ccn.dms.signature.application;

import java.util.Map;
import java.util.Objects;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * A signature that was not made, with a stable code (the engine's {@link PadesErrorCode} or one of this
 * feature's) and the Vietnamese sentence for the user. Nothing half-signed is stored when it is thrown. The
 * web layer maps it to problem type {@code urn:dms:problem:signing-<code>} with {@link #status()}.
 */
public class SigningRefusedException extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Codes of this feature beside the engine's. */
    public static final String NO_CREDENTIAL = "NO_CREDENTIAL";
    public static final String NO_SIGNATURE_IMAGE = "NO_SIGNATURE_IMAGE";
    public static final String NO_SEAL = "NO_SEAL";
    public static final String CREDENTIAL_NOT_ALLOWED = "CREDENTIAL_NOT_ALLOWED";
    public static final String TOKEN_BUSY = "TOKEN_BUSY";
    public static final String NO_PDF = "NO_PDF";
    public static final String WRONG_STATE = "WRONG_STATE";
    public static final String SESSION_EXPIRED = "SESSION_EXPIRED";

    private final String code;
    private final int status;

    public SigningRefusedException(String code, int status, String messageVi) {
        super(Problem.CONFLICT, messageVi, Map.of("code", code));
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
    }

    /** The engine's refusal, with its Vietnamese sentence and an HTTP status that says whose fault it is. */
    public static SigningRefusedException of(PadesException e) {
        return new SigningRefusedException(e.code().name(), statusOf(e.code()), e.getMessage());
    }

    static int statusOf(PadesErrorCode code) {
        return switch (code) {
            case WRONG_PIN, INVALID_REQUEST, EXTERNAL_SIGNATURE_INVALID, PAGE_OUT_OF_RANGE -> 400;
            case TSA_UNREACHABLE, TSA_INVALID_RESPONSE, TOKEN_UNAVAILABLE, REVOCATION_UNAVAILABLE -> 503;
            default -> 422;
        };
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
