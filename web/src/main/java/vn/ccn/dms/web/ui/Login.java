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

/**
 * The login form: hands the credential to the application's authentication mechanism through
 * {@link SecurityContext#authenticate}, which keeps the caller in the session, then goes on to the page the user
 * first asked for when that is a page of the application ({@code next}), never to another site.
 */
@Named
@RequestScoped
public class Login {

    static final String HOME = "/app/index.xhtml";
    static final String WRONG_CREDENTIALS = "Sai tên đăng nhập hoặc mật khẩu";

    @Inject
    private SecurityContext security;

    @Inject
    private IdentityStoreHandler identityStore;

    private String username;
    private String password;
    private String next;

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
        ec.redirect(ec.getRequestContextPath() + target(next));
    }

    /** Where to go after login: {@code next} when it is a path of this application's pages, else the list. */
    static String target(String next) {
        if (next == null || !next.startsWith("/app/") || next.contains("..") || next.contains("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return HOME;
        }
        return next;
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
