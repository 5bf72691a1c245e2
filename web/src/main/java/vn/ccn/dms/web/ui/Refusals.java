package vn.ccn.dms.web.ui;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * Turns what a service threw into messages on the page. A {@link DomainException} (possibly wrapped by the EJB
 * container) is the service's refusal in Vietnamese: its message is shown, and each {@code "field: text"} of an
 * invalid input is attached to the input with that id when the form has one. {@link EJBAccessException} means
 * the caller's role may not do this. Anything else is unexpected: logged with a reference the user can quote.
 */
public final class Refusals {

    static final String ACCESS_DENIED = "Bạn không có quyền thực hiện thao tác này";

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    private Refusals() {
    }

    /** The service's refusal inside {@code e}, if it is one. */
    public static Optional<DomainException> domain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException d) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static boolean accessDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EJBAccessException) {
                return true;
            }
        }
        return false;
    }

    /** The {@code "field: text"} errors of an invalid input, as the service listed them. */
    public static List<String> errors(DomainException e) {
        Object errors = e.extensions().get("errors");
        if (errors instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /**
     * Shows {@code e} on the current page. Field errors go to the input {@code formId:field} when it exists,
     * else to the page with the field's Vietnamese name.
     */
    public static void show(RuntimeException e, String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<DomainException> refusal = domain(e);
        if (refusal.isPresent()) {
            DomainException d = refusal.get();
            error(faces, null, d.getMessage());
            if (d.problem() == Problem.INVALID_INPUT) {
                for (String error : errors(d)) {
                    fieldError(faces, formId, error);
                }
            }
            return;
        }
        if (accessDenied(e)) {
            error(faces, null, ACCESS_DENIED);
            return;
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error on a page, reference " + reference, e);
        error(faces, null, "Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên, mã tham chiếu: " + reference);
    }

    public static void error(FacesContext faces, String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public static void warn(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void fieldError(FacesContext faces, String formId, String error) {
        int colon = error.indexOf(": ");
        if (colon <= 0) {
            error(faces, null, error);
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
            error(faces, input.getClientId(faces), capitalize(text));
        } else {
            error(faces, null, Labels.field(field) + ": " + text);
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
