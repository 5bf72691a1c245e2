package vn.ccn.dms.distribution.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.ccn.dms.document.application.DocumentIssued;

/**
 * Makes the copies the distribution rules require when a document is issued, in the issuing transaction. The observer
 * is an application-scoped bean holding one reference to the service: an observer method on the stateless bean itself
 * made Weld create a new session-bean reference for every event, which was most of the observers' cost per number
 * (JFR, docs/benchmarks.md).
 */
@ApplicationScoped
public class DocumentIssuedCopies {

    @EJB
    private DistributionService distribution;

    void onIssued(@Observes DocumentIssued event) {
        distribution.copiesOnIssue(event);
    }
}
