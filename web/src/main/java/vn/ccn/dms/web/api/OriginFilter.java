package vn.ccn.dms.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;
import vn.ccn.dms.platform.RequestOrigin;

/** Records the client address of every request for the audit trail (pages and API alike). */
@WebFilter(urlPatterns = "/*")
public class OriginFilter implements Filter {

    @Inject
    private RequestOrigin origin;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.remoteAddress(request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
