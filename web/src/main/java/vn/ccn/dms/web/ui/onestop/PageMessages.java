package vn.ccn.dms.web.ui.onestop;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * Puts what a service threw on the page, the way the desk's other pages do: a {@link DomainException} (possibly
 * wrapped by the EJB container) is the service's refusal in Vietnamese, shown at the top, and each
 * {@code "field: text"} of an invalid input is shown beside the input with that id in the form; an
 * {@link EJBAccessException} means the role may not do this; anything else is logged with a reference to quote.
 * (The package-private helper of {@code vn.ccn.dms.web.ui} cannot be reached from this package.)
 */
final class PageMessages {

    static final String ACCESS_DENIED = "Bạn không có quyền thực hiện thao tác này";

    private static final Logger LOG = Logger.getLogger(PageMessages.class.getName());
    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("vn.ccn.dms.web.ui.Messages",
            Locale.forLanguageTag("vi-VN"));

    private PageMessages() {
    }

    static Optional<DomainException> domain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException d) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static boolean accessDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException) {
                return true;
            }
        }
        return false;
    }

    static List<String> errors(DomainException e) {
        Object errors = e.extensions().get("errors");
        if (errors instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** Shows {@code e}; field errors go beside {@code formId:field} when the form has that input. */
    static void show(RuntimeException e, String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<DomainException> refusal = domain(e);
        if (refusal.isPresent()) {
            DomainException d = refusal.get();
            add(faces, null, FacesMessage.SEVERITY_ERROR, d.getMessage());
            if (d.problem() == Problem.INVALID_INPUT) {
                for (String error : errors(d)) {
                    fieldError(faces, formId, error);
                }
            }
            return;
        }
        if (accessDenied(e)) {
            add(faces, null, FacesMessage.SEVERITY_ERROR, ACCESS_DENIED);
            return;
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error on a one-stop page, reference " + reference, e);
        add(faces, null, FacesMessage.SEVERITY_ERROR,
                "Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên, mã tham chiếu: " + reference);
    }

    static void info(String text) {
        add(FacesContext.getCurrentInstance(), null, FacesMessage.SEVERITY_INFO, text);
    }

    static void warn(String text) {
        add(FacesContext.getCurrentInstance(), null, FacesMessage.SEVERITY_WARN, text);
    }

    static void error(String clientId, String text) {
        add(FacesContext.getCurrentInstance(), clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    /** The Vietnamese text of a key of the {@code Messages} bundle, or {@code fallback}. */
    static String text(String key, String fallback) {
        try {
            return MESSAGES.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static void add(FacesContext faces, String clientId, FacesMessage.Severity severity, String text) {
        faces.addMessage(clientId, new FacesMessage(severity, text, null));
    }

    private static void fieldError(FacesContext faces, String formId, String error) {
        int colon = error.indexOf(": ");
        if (colon <= 0) {
            add(faces, null, FacesMessage.SEVERITY_ERROR, error);
            return;
        }
        String field = error.substring(0, colon);
        // The services append the rejected value; an empty field arrives as "null", which means nothing to a reader.
        String text = error.substring(colon + 2).replaceFirst(":\\s*null$", "");
        UIComponent input = null;
        if (formId != null && field.matches("[A-Za-z]+")) {
            try {
                input = faces.getViewRoot().findComponent(formId + ":" + field);
            } catch (IllegalArgumentException notThere) {
                input = null;
            }
        }
        if (input != null) {
            add(faces, input.getClientId(faces), FacesMessage.SEVERITY_ERROR,
                    text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1));
        } else {
            add(faces, null, FacesMessage.SEVERITY_ERROR, text("field." + field, field) + ": " + text);
        }
    }
}
