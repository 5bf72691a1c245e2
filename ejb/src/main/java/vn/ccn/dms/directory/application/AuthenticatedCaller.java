package vn.ccn.dms.directory.application;

import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.ccn.dms.directory.domain.ApplicationRole;

/**
 * The directory entry of the caller as the identity store read it while authenticating this request, so that
 * {@link DirectoryService#currentUser()} need not read the same row again in the same request (the foundation
 * benchmark's profile: that second read was 13 % of a number's request thread, and one of its 13 statements).
 *
 * <p>Nothing is kept beyond the request: every request that authenticates reads the user afresh (a deactivated user,
 * a withdrawn role or a move to another agency act on the next request, as before). A request that did not go
 * through the identity store (a page of a signed-in session, a timer, an asynchronous worker) finds nothing here
 * and the directory reads the user from the database.
 */
@RequestScoped
public class AuthenticatedCaller {

    /** What the identity store read of an active user: enough to act for them, nothing secret. */
    public record Entry(long userId, String username, String fullName, String positionTitle, long agencyId,
            Set<ApplicationRole> roles) {

        public Entry {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(fullName, "fullName");
            roles = Set.copyOf(roles);
        }
    }

    private Entry entry;

    /** Called by the identity store once the caller's credential has been verified in this request. */
    public void authenticated(Entry verified) {
        this.entry = Objects.requireNonNull(verified, "verified");
    }

    /** The entry read in this request for that user, if the identity store read one. */
    public Optional<Entry> entryFor(String username) {
        return entry != null && entry.username().equals(username) ? Optional.of(entry) : Optional.empty();
    }
}
