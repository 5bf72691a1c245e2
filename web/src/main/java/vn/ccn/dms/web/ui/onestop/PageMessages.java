package vn.ccn.dms.web.ui.onestop;

import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.web.ui.Refusals;

/**
 * The one-stop pages' short names for {@link Refusals} (a service's refusal on the page, field errors beside
 * their inputs), plus the Vietnamese labels of the {@code Messages} bundle.
 */
final class PageMessages {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("vn.ccn.dms.web.ui.Messages",
            Locale.forLanguageTag("vi-VN"));

    private PageMessages() {
    }

    static Optional<DomainException> domain(Throwable e) {
        return Refusals.domain(e);
    }

    /** Shows {@code e}; field errors go beside {@code formId:field} when the form has that input. */
    static void show(RuntimeException e, String formId) {
        Refusals.show(e, formId);
    }

    static void info(String text) {
        Refusals.info(text);
    }

    static void warn(String text) {
        Refusals.warn(text);
    }

    static void error(String clientId, String text) {
        Refusals.error(FacesContext.getCurrentInstance(), clientId, text);
    }

    /** The Vietnamese text of a key of the {@code Messages} bundle, or {@code fallback}. */
    static String text(String key, String fallback) {
        try {
            return MESSAGES.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
