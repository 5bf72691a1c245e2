package vn.ccn.dms.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;
import vn.ccn.dms.signature.application.SigningRefusedException;

/**
 * A signature that was not made leaves as problem JSON of type {@code urn:dms:problem:signing-<code>} (e.g.
 * {@code signing-wrong-pin}, {@code signing-tsa-unreachable}) with the Vietnamese sentence and the stable code.
 */
@Provider
public class SignatureProblemMapper implements ExceptionMapper<SigningRefusedException> {

    @Override
    public Response toResponse(SigningRefusedException e) {
        String type = "urn:dms:problem:signing-" + e.code().toLowerCase(Locale.ROOT).replace('_', '-');
        return Problems.of(e.status(), type, "Không thực hiện được việc ký số", e.getMessage(), Map.of("code", e.code()));
    }
}
