package vn.ccn.dms.indexing.domain;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The principals stored with an index entry and the principals a user searches as. The two sides mirror the
 * access rule of {@code DocumentService.readable}: a restricted document (Mật, Tối mật, Tuyệt mật) is read only
 * by users holding an explicit grant; any other document by its owner agency and, once it is issued, by the
 * agencies it is addressed to.
 */
public final class Readers {

    public static final String AGENCY = "agency:";
    public static final String USER = "user:";

    private Readers() {
    }

    /**
     * @param restricted       the document's secrecy is above "không mật"
     * @param ownerAgencyCode  the agency holding the document
     * @param beforeIssue      the outgoing document is not issued yet (draft, awaiting or bearing only the leader's
     *                         signature, numbered but not yet sealed)
     * @param recipientCodes   agencies of the directory named among the recipients
     * @param grantedUsernames users with an explicit grant
     * @return sorted principals; empty means nobody finds the entry
     */
    public static List<String> ofDocument(boolean restricted, String ownerAgencyCode, boolean beforeIssue,
            Collection<String> recipientCodes, Collection<String> grantedUsernames) {
        Set<String> readers = new TreeSet<>();
        if (restricted) {
            grantedUsernames.forEach(u -> readers.add(USER + u));
        } else {
            readers.add(AGENCY + Objects.requireNonNull(ownerAgencyCode, "ownerAgencyCode"));
            if (!beforeIssue) {
                recipientCodes.forEach(code -> readers.add(AGENCY + code));
            }
        }
        return List.copyOf(readers);
    }

    /** The principals of a user: themself and their agency. */
    public static Set<String> ofUser(String username, String agencyCode) {
        return Set.of(USER + Objects.requireNonNull(username, "username"),
                AGENCY + Objects.requireNonNull(agencyCode, "agencyCode"));
    }
}
