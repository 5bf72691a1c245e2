package vn.ccn.dms.web.ui;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which application roles may open which page under {@code /app}. The table mirrors the {@code @RolesAllowed}
 * of the service each page exists to call (registering incoming documents: clerk; drafting outgoing ones:
 * clerk, specialist, leader; printing registers: clerk, leader, administrator; the signing inbox: leader;
 * receiving a dossier at the one-stop desk: clerk; the opinion-request inbox and the copies distributed by rule:
 * the agency's staff, not the administrator), so a page never offers what its service would refuse. The dossier
 * list and page, the tracking board and the notifications are open to every role their services accept, which is
 * every role of {@code /app}. The menu hides what this table denies and {@link PageAccessFilter} refuses it,
 * because a hidden link alone protects nothing; the services check again.
 */
public final class PageAccess {

    public static final String INDEX = "/app/index.xhtml";
    public static final String INCOMING = "/app/incoming.xhtml";
    public static final String OUTGOING = "/app/outgoing.xhtml";
    public static final String REGISTERS = "/app/registers.xhtml";
    public static final String DOCUMENT = "/app/document.xhtml";
    public static final String SIGN_INBOX = "/app/sign/inbox.xhtml";
    public static final String DOSSIERS = "/app/dossiers.xhtml";
    public static final String DOSSIER_NEW = "/app/dossier-new.xhtml";
    public static final String DOSSIER = "/app/dossier.xhtml";
    public static final String OPINIONS = "/app/opinions.xhtml";
    public static final String TRACKING = "/app/tracking.xhtml";
    public static final String COPIES = "/app/copies.xhtml";
    public static final String NOTIFICATIONS = "/app/notifications.xhtml";
    public static final String CALENDAR_ADMIN = "/app/admin/calendar.xhtml";

    private static final Map<String, Set<String>> RESTRICTED = Map.of(
            INCOMING, Set.of("CLERK"),
            OUTGOING, Set.of("CLERK", "SPECIALIST", "LEADER"),
            REGISTERS, Set.of("CLERK", "LEADER", "ADMIN"),
            SIGN_INBOX, Set.of("LEADER"),
            DOSSIER_NEW, Set.of("CLERK"),
            OPINIONS, Set.of("CLERK", "SPECIALIST", "LEADER", "READER"),
            COPIES, Set.of("CLERK", "SPECIALIST", "LEADER", "READER"),
            CALENDAR_ADMIN, Set.of("ADMIN"));

    private PageAccess() {
    }

    /**
     * Whether a user holding the roles {@code inRole} answers yes to may open {@code page} (a path inside the
     * application, such as {@code /app/incoming.xhtml}). Pages not in the table are open to every signed-in
     * user; the security constraint of web.xml already requires one of the application roles for {@code /app}.
     */
    public static boolean allowed(String page, Predicate<String> inRole) {
        Set<String> roles = RESTRICTED.get(page);
        return roles == null || roles.stream().anyMatch(inRole);
    }
}
