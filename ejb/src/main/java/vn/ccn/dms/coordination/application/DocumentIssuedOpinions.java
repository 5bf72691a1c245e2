package vn.ccn.dms.coordination.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.ccn.dms.document.application.DocumentIssued;

/**
 * Sends the opinion requests a letter carries when the letter is issued, in the issuing transaction (their reply
 * clocks start that day). Application-scoped for the reason given on
 * {@link vn.ccn.dms.distribution.application.DocumentIssuedCopies}.
 */
@ApplicationScoped
public class DocumentIssuedOpinions {

    @EJB
    private OpinionRequestService opinions;

    void onIssued(@Observes DocumentIssued event) {
        opinions.openOnIssue(event);
    }
}
