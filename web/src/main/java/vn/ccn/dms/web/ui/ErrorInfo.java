package vn.ccn.dms.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** What the error page needs to know about the error it shows: the status and whether a view expired. */
@Named
@RequestScoped
public class ErrorInfo {

    @Inject
    private HttpServletRequest request;

    public int getStatus() {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer i ? i : 500;
    }

    /** A form sent after its session ended (logout or timeout): the container wraps the cause, so walk it. */
    public boolean isViewExpired() {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable t = error instanceof Throwable th ? th : null; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
