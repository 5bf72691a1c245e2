package vn.ccn.dms.workflow;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import vn.ccn.dms.coordination.application.OpinionRequestService;
import vn.ccn.dms.distribution.application.DistributionService;
import vn.ccn.dms.dossier.application.DossierLinks;
import vn.ccn.dms.dossier.application.DossierService;
import vn.ccn.dms.notification.application.Notifications;
import vn.ccn.dms.outbox.application.ScheduledWork;

/** The workflow's outbox topics and what each does (see {@link ScheduledWork} for the exactly-once contract). */
public final class WorkflowWork {

    private WorkflowWork() {
    }

    /** A copy made by a distribution rule reaches the target agency's inbox. */
    @ApplicationScoped
    public static class CopyDelivery implements ScheduledWork {
        @EJB
        DistributionService distribution;

        @Override
        public String topic() {
            return DistributionService.DELIVER;
        }

        @Override
        public void run(String subjectId, String payload) {
            distribution.deliver(Long.parseLong(subjectId));
        }
    }

    /** A document linked to a dossier after it was issued still gets its copies. */
    @ApplicationScoped
    public static class LinkedDocument implements ScheduledWork {
        @EJB
        DistributionService distribution;

        @Override
        public String topic() {
            return DossierLinks.LINKED;
        }

        @Override
        public void run(String subjectId, String payload) {
            distribution.distribute(Long.parseLong(subjectId));
        }
    }

    /** The reply deadline of an opinion request passed. */
    @ApplicationScoped
    public static class OpinionDeadline implements ScheduledWork {
        @EJB
        OpinionRequestService opinions;

        @Override
        public String topic() {
            return OpinionRequestService.DEADLINE;
        }

        @Override
        public void run(String subjectId, String payload) {
            opinions.deadlinePassed(Long.parseLong(subjectId));
        }
    }

    /** A reminder before the reply deadline, if the request is still open. */
    @ApplicationScoped
    public static class OpinionReminder implements ScheduledWork {
        @EJB
        OpinionRequestService opinions;

        @Override
        public String topic() {
            return OpinionRequestService.REMINDER;
        }

        @Override
        public void run(String subjectId, String payload) {
            long id = Long.parseLong(subjectId);
            if ("OPEN".equals(opinions.stateForTimer(id))) {
                opinions.notice(id, "REMINDER");
            }
        }
    }

    /** Notifications about an opinion request (sent, replied, deemed agreed). */
    @ApplicationScoped
    public static class OpinionNotice implements ScheduledWork {
        @EJB
        OpinionRequestService opinions;

        @Override
        public String topic() {
            return OpinionRequestService.NOTICE;
        }

        @Override
        public void run(String subjectId, String payload) {
            opinions.notice(Long.parseLong(subjectId), payload);
        }
    }

    /** A step's due date passed: tell the lead agency while the step is still open. */
    @ApplicationScoped
    public static class StepDeadline implements ScheduledWork {
        @EJB
        DossierService dossiers;

        @EJB
        Notifications notifications;

        @Override
        public String topic() {
            return DossierService.STEP_DEADLINE;
        }

        @Override
        public void run(String subjectId, String payload) {
            String[] parts = subjectId.split(":");
            long dossierId = Long.parseLong(parts[0]);
            int seq = Integer.parseInt(parts[1]);
            dossiers.stepOverdue(dossierId, seq, LocalDate.parse(payload)).ifPresent(text ->
                    notifications.notifyAgency("step-late:" + subjectId + ":" + payload, dossiers.leadAgencyOf(dossierId),
                            java.util.Set.of("SPECIALIST", "LEADER"), "STEP_LATE", text, "/app/dossier.xhtml?id=" + dossierId));
        }
    }
}
