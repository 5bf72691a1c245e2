package vn.ccn.dms.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.ccn.dms.web.security.DmsAuthenticationMechanism;
import vn.ccn.dms.web.security.OpenIdProvider;

/**
 * The login form: hands the credential to the application's authentication mechanism through
 * {@link SecurityContext#authenticate}, which keeps the caller in the session, then goes on to the page the user
 * first asked for when that is a page of the application ({@code next}), never to another site.
 */
@Named
@RequestScoped
public class Login {

    static final String WRONG_CREDENTIALS = "Sai tên đăng nhập hoặc mật khẩu";

    @Inject
    private SecurityContext security;

    @Inject
    private IdentityStoreHandler identityStore;

    @Inject
    private OpenIdProvider openId;

    private String username;
    private String password;
    private String next;
    private String oidc;

    /** Someone already signed in who opens the login page goes straight on. */
    public void skipIfSignedIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getExternalContext().getUserPrincipal() != null) {
            redirect(faces.getExternalContext());
            faces.responseComplete();
        }
    }

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ec = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        HttpServletResponse response = (HttpServletResponse) ec.getResponse();
        String name = username == null ? "" : username.trim();
        UsernamePasswordCredential credential = new UsernamePasswordCredential(name, new Password(password == null ? "" : password));
        // The mechanism answers a rejected credential with sendError(401), which would end the response before
        // this page could say why; so a wrong password is caught here first, by the same identity store.
        if (identityStore.validate(credential).getStatus() != CredentialValidationResult.Status.VALID) {
            refuse(faces);
            return;
        }
        AuthenticationStatus status = security.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                // A new session id after login, so an id planted before it is worth nothing (session fixation).
                request.changeSessionId();
                redirect(ec);
                faces.responseComplete();
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (response.isCommitted()) {
                    faces.responseComplete();
                } else {
                    refuse(faces);
                }
            }
        }
    }

    private void refuse(FacesContext faces) {
        password = null;
        Refusals.error(faces, null, WRONG_CREDENTIALS);
        faces.validationFailed();
    }

    private void redirect(ExternalContext ec) throws IOException {
        ec.redirect(ec.getRequestContextPath() + DmsAuthenticationMechanism.afterLogin(next));
    }

    /** Whether the page offers sign-in at the OpenID Connect provider. */
    public boolean isOpenIdAvailable() {
        return openId.webSignInEnabled();
    }

    /** Why a sign-in at the provider came back to this page ({@code ?oidc=}), in Vietnamese, or null. */
    public String getOpenIdRefusal() {
        return OPENID_REFUSALS.get(oidc == null ? "" : oidc);
    }

    private static final java.util.Map<String, String> OPENID_REFUSALS = java.util.Map.of(
            "expired", "Phiên đăng nhập qua hệ thống định danh đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.",
            "denied", "Hệ thống định danh không cho phép đăng nhập.",
            "refused", "Không xác thực được kết quả đăng nhập từ hệ thống định danh.",
            "unknown", "Tài khoản định danh không có hoặc đã bị khóa trong danh bạ của hệ thống.",
            "unavailable", "Không kết nối được hệ thống định danh. Vui lòng thử lại sau hoặc đăng nhập bằng mật khẩu.");

    public String getOidc() {
        return oidc;
    }

    public void setOidc(String oidc) {
        this.oidc = oidc;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
