package vn.ccn.dms.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.web.security.DmsAuthenticationMechanism;
import vn.ccn.dms.web.security.OpenIdProvider;

/** The signed-in user as the page header shows them, what the menu may offer them, and signing out. */
@Named("me")
@RequestScoped
public class CurrentUser {

    @Inject
    private DirectoryService directory;

    @Inject
    private HttpServletRequest request;

    @Inject
    private OpenIdProvider openId;

    private AppUser user;

    private AppUser user() {
        if (user == null) {
            user = directory.currentUser();
        }
        return user;
    }

    public String getUsername() {
        return request.getRemoteUser();
    }

    public String getFullName() {
        return user().fullName();
    }

    public String getPositionTitle() {
        return user().positionTitle();
    }

    public String getAgencyName() {
        return user().agency().name();
    }

    /** The electronic identifier (mã định danh) of the user's agency. */
    public String getAgencyCode() {
        return user().agency().code().value();
    }

    /** Whether the menu offers {@code page}; the same table refuses it in {@link PageAccessFilter}. */
    public boolean may(String page) {
        return PageAccess.allowed(page, request::isUserInRole);
    }

    public boolean is(String role) {
        return request.isUserInRole(role);
    }

    /**
     * Ends the session: the container forgets the caller and every view of the session is dropped. Someone who
     * signed in at the province's identity provider is sent there to end that session too, and comes back to the
     * login page.
     */
    public void logout() throws IOException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        HttpSession session = request.getSession(false);
        Object idToken = session == null ? null : session.getAttribute(DmsAuthenticationMechanism.OIDC_ID_TOKEN);
        try {
            request.logout();
        } catch (ServletException e) {
            // the session is invalidated below either way
        }
        if (session != null) {
            session.invalidate();
        }
        String loginPage = OpenIdProvider.applicationUrl(request) + DmsAuthenticationMechanism.LOGIN_PAGE;
        ec.redirect(openId.endSessionUri(idToken instanceof String t ? t : null, loginPage).map(Object::toString)
                .orElse(ec.getRequestContextPath() + DmsAuthenticationMechanism.LOGIN_PAGE));
    }
}
