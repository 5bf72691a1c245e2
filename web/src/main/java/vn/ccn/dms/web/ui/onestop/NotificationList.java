package vn.ccn.dms.web.ui.onestop;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import vn.ccn.dms.notification.application.Notifications;
import vn.ccn.dms.notification.application.Notifications.NotificationView;

/**
 * The user's notifications (reply deadlines, deemed consent, replies received, copies delivered), newest first;
 * opening one marks it read and goes to the page it names. Only links inside {@code /app/} are followed, so a
 * notification can never send the user to another site.
 */
@Named
@ViewScoped
public class NotificationList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX = 200;

    @Inject
    private Notifications notifications;

    private boolean unreadOnly;
    private transient List<NotificationView> items;

    public void filter() {
        try {
            items = notifications.mine(unreadOnly, MAX);
        } catch (RuntimeException e) {
            items = List.of();
            PageMessages.show(e, null);
        }
    }

    public void markRead(long id) {
        try {
            notifications.markRead(id);
        } catch (RuntimeException e) {
            PageMessages.show(e, null);
        }
        filter();
    }

    public void open(NotificationView n) {
        try {
            notifications.markRead(n.id());
        } catch (RuntimeException e) {
            PageMessages.show(e, null);
            return;
        }
        if (!internal(n.link())) {
            filter();
            return;
        }
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ec.redirect(ec.getRequestContextPath() + n.link());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A link of the application's own pages: "/app/…", no scheme, no host, no way up. */
    public boolean internal(String link) {
        return link != null && link.startsWith("/app/") && !link.contains("//") && !link.contains("..")
                && !link.contains("\\");
    }

    public String kindLabel(String kind) {
        return kind == null ? "" : PageMessages.text("notification.kind." + kind, kind);
    }

    public List<NotificationView> getItems() {
        if (items == null) {
            filter();
        }
        return items;
    }

    public long getUnreadCount() {
        return getItems().stream().filter(n -> n.readAt() == null).count();
    }

    public boolean isUnreadOnly() {
        return unreadOnly;
    }

    public void setUnreadOnly(boolean unreadOnly) {
        this.unreadOnly = unreadOnly;
    }
}
