package vn.ccn.dms.distribution.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.document.application.DocumentIssued;
import vn.ccn.dms.notification.application.Notifications;
import vn.ccn.dms.outbox.application.Outbox;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/**
 * Applies the distribution rules (table {@code distribution_rule}) to issued documents. Runs inside the issuing
 * transaction: the copy rows, the added recipients and the delivery outbox rows commit with the number, so a
 * copy is never lost and never sent for a number that rolled back. Delivery runs after the commit, once per
 * copy ({@code unique (document_id, target_agency_id)}).
 */
@Stateless
public class DistributionService {

    public static final String DELIVER = "deliver-copy";

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private AuditTrail audit;

    @EJB
    private Outbox outbox;

    @EJB
    private Notifications notifications;

    @Inject
    private Clock clock;

    public record CopyView(long id, long documentId, String numberSymbol, String typeCode, String summary,
            String issuerCode, String issuerName, LocalDate issuedDate, String ruleCode, String ruleName,
            String legalBasis, String targetCode, String targetName, String state, Instant createdAt,
            Instant deliveredAt, Instant receivedAt, String receivedBy) {
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void copiesOnIssue(DocumentIssued event) {
        if (copies(event.documentId(), event.ownerAgencyId(), event.issuedDate()) > 0) {
            event.recipientsAdded(); // each new copy puts its agency on the recipients
        }
    }

    /**
     * Evaluates every active rule for an issued document and creates the copies not yet made. Idempotent: run
     * again (after a link to a dossier) it adds only what is new. Returns the number of new copies.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int distribute(long documentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> docs = em.createNativeQuery("select owner_agency_id, issued_date, status, direction from document"
                + " where id = ?1 for update").setParameter(1, documentId).getResultList();
        if (docs.isEmpty() || !"ISSUED".equals(docs.get(0)[2]) || !"OUTGOING".equals(docs.get(0)[3])) {
            return 0;
        }
        return copies(documentId, ((Number) docs.get(0)[0]).longValue(), ((Date) docs.get(0)[1]).toLocalDate());
    }

    private int copies(long documentId, long owner, LocalDate issuedOn) {
        @SuppressWarnings("unchecked")
        List<Object[]> rules = em.createNativeQuery("select r.code, r.target_role, r.legal_basis from distribution_rule r"
                        + " where r.active and r.condition_kind <> 'MANUAL' and ("
                        + " (r.condition_kind = 'CCN_DOCUMENT' and (exists (select 1 from document_ccn c where c.document_id = ?1)"
                        + "   or exists (select 1 from dossier_document dd join dossier d on d.id = dd.dossier_id"
                        + "     join procedure_def p on p.code = d.procedure_code where dd.document_id = ?1 and p.concerns_ccn)))"
                        + " or (r.condition_kind = 'PROCEDURE_STEP' and exists (select 1 from dossier_document dd"
                        + "   join dossier d on d.id = dd.dossier_id where dd.document_id = ?1"
                        + "   and d.procedure_code = r.procedure_code and dd.step_code = r.step_code)))"
                        + " order by r.code")
                .setParameter(1, documentId).getResultList();
        int created = 0;
        Instant now = clock.instant();
        for (Object[] rule : rules) {
            String ruleCode = (String) rule[0];
            List<Agency> targets = directory.holdersOf((String) rule[1], issuedOn);
            for (Agency target : targets) {
                if (target.id() == owner) {
                    continue; // the focal agency's own documents need no copy to itself
                }
                @SuppressWarnings("unchecked")
                List<Number> ids = em.createNativeQuery("insert into distribution (id, document_id, target_agency_id, rule_code,"
                                + " state, created_at) values (nextval('dms_seq'), ?1, ?2, ?3, 'PENDING', ?4)"
                                + " on conflict (document_id, target_agency_id) do nothing returning id")
                        .setParameter(1, documentId).setParameter(2, target.id()).setParameter(3, ruleCode)
                        .setParameter(4, Timestamp.from(now)).getResultList();
                if (ids.isEmpty()) {
                    continue;
                }
                // The rule is on the recipients list itself ("Nơi nhận"), so readers and exports see it.
                em.createNativeQuery("insert into document_recipient (id, document_id, agency_id, name)"
                                + " select nextval('dms_seq'), ?1, ?2, ?3 where not exists (select 1 from document_recipient"
                                + " where document_id = ?1 and agency_id = ?2)")
                        .setParameter(1, documentId).setParameter(2, target.id()).setParameter(3, target.name() + " (để theo dõi)")
                        .executeUpdate();
                outbox.enqueue(DELIVER, ids.get(0).toString(), null);
                Map<String, String> detail = new LinkedHashMap<>();
                detail.put("rule", ruleCode);
                detail.put("legalBasis", (String) rule[2]);
                detail.put("target", target.code().value());
                audit.recordAs("system", "DISTRIBUTE_COPY", "document", Long.toString(documentId), detail);
                created++;
            }
        }
        if (created > 0) {
            outbox.enqueue(Outbox.INDEX_DOCUMENT, Long.toString(documentId), null); // readers changed
        }
        return created;
    }

    /**
     * Forwards a document of the caller's agency (an incoming document registered at its desk, or an issued
     * outgoing one) to another agency, typically the lead agency of the matter: the agency is added to the
     * recipients, which lets it read the document, and the forwarding is tracked like a copy until its desk
     * confirms receipt. Forwarding twice to the same agency changes nothing.
     */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
    public CopyView forward(long documentId, String agencyCode, String note) {
        AppUser user = directory.currentUser();
        @SuppressWarnings("unchecked")
        List<Object[]> docs = em.createNativeQuery("select owner_agency_id, status, secrecy from document where id = ?1 for update")
                .setParameter(1, documentId).getResultList();
        if (docs.isEmpty() || ((Number) docs.get(0)[0]).longValue() != user.agency().id()) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản " + documentId + " của cơ quan");
        }
        List<String> errors = new ArrayList<>();
        String status = (String) docs.get(0)[1];
        if (!"REGISTERED".equals(status) && !"ISSUED".equals(status)) {
            errors.add("documentId: chỉ chuyển văn bản đến đã đăng ký hoặc văn bản đi đã ban hành");
        }
        if (!"NONE".equals(docs.get(0)[2])) {
            errors.add("documentId: văn bản mật không chuyển theo cách này; cấp quyền đọc cho từng người");
        }
        Agency target = agencyCode == null ? null : directory.findAgency(agencyCode.trim()).orElse(null);
        if (target == null) {
            errors.add("agencyCode: không có cơ quan với mã " + agencyCode);
        } else if (target.id().equals(user.agency().id())) {
            errors.add("agencyCode: không chuyển văn bản cho chính cơ quan mình");
        }
        if (note != null && note.length() > 1000) {
            errors.add("note: tối đa 1000 ký tự");
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Không chuyển được văn bản", errors);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("insert into distribution (id, document_id, target_agency_id, rule_code,"
                        + " state, created_at) values (nextval('dms_seq'), ?1, ?2, 'FORWARD', 'PENDING', ?3)"
                        + " on conflict (document_id, target_agency_id) do nothing returning id")
                .setParameter(1, documentId).setParameter(2, target.id()).setParameter(3, Timestamp.from(clock.instant()))
                .getResultList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("insert into document_recipient (id, document_id, agency_id, name)"
                            + " select nextval('dms_seq'), ?1, ?2, ?3 where not exists (select 1 from document_recipient"
                            + " where document_id = ?1 and agency_id = ?2)")
                    .setParameter(1, documentId).setParameter(2, target.id()).setParameter(3, target.name() + " (chuyển xử lý)")
                    .executeUpdate();
            outbox.enqueue(DELIVER, ids.get(0).toString(), null);
            outbox.enqueue(Outbox.INDEX_DOCUMENT, Long.toString(documentId), null);
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("target", target.code().value());
            if (note != null && !note.isBlank()) {
                detail.put("note", note.trim());
            }
            audit.record("FORWARD", "document", Long.toString(documentId), detail);
        }
        return query("x.document_id = ?2 and x.target_agency_id = ?3", user.agency().id(), null, documentId, target.id())
                .get(0);
    }

    /** After the commit: the copy is in the target agency's inbox; its desk is told. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void deliver(long distributionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select x.state, x.target_agency_id, d.number_symbol, d.summary, x.document_id"
                        + " from distribution x join document d on d.id = x.document_id where x.id = ?1 for update of x")
                .setParameter(1, distributionId).getResultList();
        if (rows.isEmpty() || !"PENDING".equals(rows.get(0)[0])) {
            return;
        }
        Object[] r = rows.get(0);
        em.createNativeQuery("update distribution set state = 'DELIVERED', delivered_at = ?1 where id = ?2")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, distributionId).executeUpdate();
        String summary = (String) r[3];
        notifications.notifyAgency("copy:" + distributionId, ((Number) r[1]).longValue(), Set.of("CLERK", "LEADER"),
                "COPY_RECEIVED", "Văn bản " + r[2] + " gửi để theo dõi: " + (summary.length() > 200 ? summary.substring(0, 200) + "…" : summary),
                "/app/copies.xhtml");
    }

    /** The copies addressed to the caller's agency (SCT's inbox), newest first. */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER"})
    public List<CopyView> inbox(String state) {
        AppUser user = directory.currentUser();
        return query("x.target_agency_id = ?1", user.agency().id(), state);
    }

    /** The copies made of the caller's agency's documents, to track them until received. */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER"})
    public List<CopyView> sent(String state) {
        AppUser user = directory.currentUser();
        return query("d.owner_agency_id = ?1", user.agency().id(), state);
    }

    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
    public List<CopyView> ofDocument(long documentId) {
        AppUser user = directory.currentUser();
        return query("x.document_id = ?2 and (d.owner_agency_id = ?1 or x.target_agency_id = ?1)", user.agency().id(),
                null, documentId);
    }

    /** The target agency's desk confirms it received the copy. */
    @RolesAllowed({"CLERK", "LEADER"})
    public CopyView acknowledge(long distributionId) {
        AppUser user = directory.currentUser();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select state, target_agency_id from distribution where id = ?1 for update")
                .setParameter(1, distributionId).getResultList();
        if (rows.isEmpty() || ((Number) rows.get(0)[1]).longValue() != user.agency().id()) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy bản gửi " + distributionId);
        }
        String state = (String) rows.get(0)[0];
        if ("RECEIVED".equals(state)) {
            return query("x.id = ?2", user.agency().id(), null, distributionId).get(0);
        }
        if (!"DELIVERED".equals(state)) {
            throw new DomainException(Problem.CONFLICT, "Bản gửi chưa được chuyển đến, chưa thể xác nhận đã nhận");
        }
        em.createNativeQuery("update distribution set state = 'RECEIVED', received_at = ?1, received_by = ?2 where id = ?3")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, user.username())
                .setParameter(3, distributionId).executeUpdate();
        audit.record("COPY_RECEIVED", "distribution", Long.toString(distributionId), Map.of());
        return query("x.id = ?2", user.agency().id(), null, distributionId).get(0);
    }

    private List<CopyView> query(String where, long agencyId, String state, Object... more) {
        StringBuilder sql = new StringBuilder("select x.id, x.document_id, d.number_symbol, d.type_code, d.summary, oa.code, oa.name,"
                + " d.issued_date, x.rule_code, r.name_vi, r.legal_basis, ta.code, ta.name, x.state, x.created_at, x.delivered_at,"
                + " x.received_at, x.received_by from distribution x join document d on d.id = x.document_id"
                + " join agency oa on oa.id = d.owner_agency_id join agency ta on ta.id = x.target_agency_id"
                + " join distribution_rule r on r.code = x.rule_code where " + where);
        List<Object> params = new ArrayList<>();
        params.add(agencyId);
        for (Object m : more) {
            params.add(m);
        }
        if (state != null && !state.isBlank()) {
            if (!Set.of("PENDING", "DELIVERED", "RECEIVED").contains(state)) {
                throw DomainException.invalid("Trạng thái không hợp lệ: " + state, List.of("state: PENDING, DELIVERED hoặc RECEIVED"));
            }
            params.add(state);
            sql.append(" and x.state = ?").append(params.size());
        }
        sql.append(" order by x.created_at desc, x.id desc limit 500");
        List<Object[]> rows = vn.ccn.dms.platform.NativeQueries.rows(em, sql.toString(), params);
        return rows.stream().map(r -> new CopyView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], r[7] == null ? null : ((Date) r[7]).toLocalDate(),
                (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12], (String) r[13],
                ts(r[14]), ts(r[15]), ts(r[16]), (String) r[17])).toList();
    }

    private static Instant ts(Object o) {
        return o == null ? null : ((Timestamp) o).toInstant();
    }
}
