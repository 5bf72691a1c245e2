package vn.ccn.dms.web.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a page of {@code /app} to a user whose roles {@link PageAccess} does not list for it, with 403 (shown
 * by the error page). Checked on every request, postbacks included, before Faces restores the view, so no
 * action of a refused page can run.
 */
@WebFilter(urlPatterns = "/app/*")
public class PageAccessFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        // The servlet path is decoded and normalized by the container and carries no path parameters.
        String page = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (request.getUserPrincipal() != null && !PageAccess.allowed(page, request::isUserInRole)) {
            ((HttpServletResponse) res).sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(req, res);
    }
}
