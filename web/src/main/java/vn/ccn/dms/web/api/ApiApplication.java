package vn.ccn.dms.web.api;

import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API application, mounted at {@code /api/v1} by web.xml (which also sets its multipart configuration). */
@OpenAPIDefinition(info = @Info(title = "CCN document and dossier system API", version = "1"),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ApiApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Error responses always carry a problem body: never let the container replace them with an HTML page.
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
