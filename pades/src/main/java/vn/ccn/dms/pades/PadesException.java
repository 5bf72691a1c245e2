package vn.ccn.dms.pades;

import java.util.Objects;

/**
 * The one exception of the engine. {@link #code()} is for programs, {@link #getMessage()} is the Vietnamese
 * sentence for users (optionally followed by a detail), and {@link #technicalDetail()} is English for logs.
 */
public class PadesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PadesErrorCode code;
    private final String technicalDetail;

    public PadesException(PadesErrorCode code, String technicalDetail) {
        this(code, technicalDetail, null);
    }

    public PadesException(PadesErrorCode code, String technicalDetail, Throwable cause) {
        super(Objects.requireNonNull(code, "code").vietnameseMessage(), cause);
        this.code = code;
        this.technicalDetail = technicalDetail == null ? "" : technicalDetail;
    }

    public PadesErrorCode code() {
        return code;
    }

    public String technicalDetail() {
        return technicalDetail;
    }

    @Override
    public String toString() {
        return "PadesException[" + code + "]: " + getMessage() + (technicalDetail.isEmpty() ? "" : " (" + technicalDetail + ")");
    }
}
