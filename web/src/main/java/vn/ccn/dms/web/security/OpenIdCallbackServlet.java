package vn.ccn.dms.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The end of a sign-in at the OpenID Connect provider. {@link DmsAuthenticationMechanism} has already checked the
 * provider's answer and signed the user in when this runs; it gives the session a new id (so an id planted before
 * the sign-in is worth nothing) and goes on to the page the user first asked for. Reached without a sign-in (a
 * refused or replayed answer never gets here signed in), it sends the browser to the login page.
 */
@WebServlet(OpenIdProvider.CALLBACK_PATH)
public class OpenIdCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object next = request.getAttribute(DmsAuthenticationMechanism.OIDC_NEXT);
        if (request.getUserPrincipal() == null || !(next instanceof String page)) {
            response.sendRedirect(request.getContextPath() + DmsAuthenticationMechanism.LOGIN_PAGE);
            return;
        }
        request.changeSessionId();
        response.sendRedirect(request.getContextPath() + DmsAuthenticationMechanism.afterLogin(page));
    }
}
