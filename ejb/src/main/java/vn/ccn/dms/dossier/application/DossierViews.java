package vn.ccn.dms.dossier.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API and pages show of dossiers. */
public final class DossierViews {

    private DossierViews() {
    }

    public record AgencyRef(String code, String name) {
    }

    public record PaperView(int seq, String name, boolean required, boolean received, int originals, int copies,
            boolean electronic) {
    }

    public record StepView(int seq, String code, String name, String kind, String responsibleRole,
            AgencyRef responsibleAgency, String state, String limitText, String limitBasis, LocalDate startedOn,
            LocalDate dueOn, LocalDate completedOn, String timeliness, String timelinessLabel, boolean late) {
    }

    public record EventView(Instant at, String actor, String action, String actionLabel, String fromStatus,
            String toStatus, String fromUnit, String toUnit, String stepCode, LocalDate dueOn, LocalDate previousDueOn,
            String timeliness, String note) {
    }

    public record LinkedDocument(long documentId, String stepCode, String role, String typeCode, String numberSymbol,
            String summary, String status, LocalDate issuedDate) {
    }

    public record FileView(long id, Integer paperSeq, String fileName, String mediaType, long sizeBytes, String sha256) {
    }

    public record OpinionSummary(long id, String roleCode, String roleName, AgencyRef target, String state,
            LocalDate sentOn, LocalDate replyDue, String position, LocalDate repliedOn, boolean late,
            Long replyDocumentId) {
    }

    public record PauseView(LocalDate pausedOn, LocalDate resumedOn, String reason) {
    }

    public record DossierView(long id, String code, String procedureCode, String procedureName, String status,
            String statusLabel, AgencyRef receivingAgency, AgencyRef leadAgency, String ruleSetCode,
            String ruleSetName, boolean ruleSetConfirmed, String ccnCode, String ccnName, String applicantKind,
            String applicantName, String applicantIdNumber, String applicantAddress, String applicantPhone,
            String applicantEmail, String channel, String channelLabel, String summary, Instant receivedAt,
            LocalDate receivedOn, LocalDate referenceDate, LocalDate appointmentOn, int paperSets,
            List<String> warnings, List<PaperView> papers, List<StepView> steps, List<PauseView> pauses,
            List<EventView> events, List<LinkedDocument> documents, List<FileView> files,
            List<OpinionSummary> opinionRequests, List<String> allowedActions, boolean replayed) {
    }

    /** The public status page: no personal data, only what the applicant needs (BRIEF §7). */
    public record PublicStatus(String code, String procedureName, String status, String statusLabel,
            LocalDate receivedOn, LocalDate appointmentOn, String receivingAgency) {
    }

    public record DossierSummary(long id, String code, String procedureName, String applicantName, String status,
            String statusLabel, LocalDate receivedOn, LocalDate appointmentOn, String activeStep, LocalDate stepDue,
            String leadAgency) {
    }

    /** One line of the tracking board: a step clock or an opinion request with its due date. */
    public record TrackingItem(String kind, long dossierId, String dossierCode, String procedureCode,
            String procedureName, String what, AgencyRef agency, LocalDate dueOn, LocalDate doneOn, String state,
            String bucket, Long opinionRequestId) {
    }
}
