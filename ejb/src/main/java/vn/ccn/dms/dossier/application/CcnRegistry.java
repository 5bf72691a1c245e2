package vn.ccn.dms.dossier.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.outbox.application.Outbox;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;

/** The industrial clusters (CCN) of the province, and which documents concern which cluster. */
@Stateless
public class CcnRegistry {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private AuditTrail audit;

    @EJB
    private Outbox outbox;

    public record CcnView(String code, String name, String communeAgencyCode, String communeAgencyName) {
    }

    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN"})
    public List<CcnView> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.code, c.name, a.code, a.name from ccn c"
                + " left join agency a on a.id = c.commune_agency_id order by c.name").getResultList();
        return rows.stream().map(r -> new CcnView((String) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    @RolesAllowed("ADMIN")
    public CcnView create(String code, String name, String communeAgencyCode) {
        List<String> errors = new ArrayList<>();
        if (code == null || !code.matches("[A-Z0-9_-]{2,32}")) {
            errors.add("code: 2–32 ký tự chữ in hoa, số, - hoặc _");
        }
        if (name == null || name.isBlank() || name.length() > 255) {
            errors.add("name: bắt buộc, tối đa 255 ký tự");
        }
        Agency commune = null;
        if (communeAgencyCode != null && !communeAgencyCode.isBlank()) {
            commune = directory.findAgency(communeAgencyCode).orElse(null);
            if (commune == null) {
                errors.add("communeAgencyCode: không có cơ quan với mã " + communeAgencyCode);
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Thông tin cụm công nghiệp không hợp lệ", errors);
        }
        int n = em.createNativeQuery("insert into ccn (id, code, name, commune_agency_id) values (nextval('dms_seq'), ?1, ?2, cast(?3 as bigint))"
                        + " on conflict (code) do nothing")
                .setParameter(1, code).setParameter(2, name.trim()).setParameter(3, commune == null ? null : commune.id())
                .executeUpdate();
        if (n == 0) {
            throw new DomainException(Problem.CONFLICT, "Đã có cụm công nghiệp với mã " + code);
        }
        audit.record("CREATE", "ccn", code, Map.of("name", name.trim()));
        return list().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    /** The owner agency marks its document as concerning a cluster (it then reaches SCT when issued). */
    @RolesAllowed({"CLERK", "SPECIALIST", "LEADER"})
    public void tagDocument(long documentId, String ccnCode) {
        AppUser user = directory.currentUser();
        Object owner = em.createNativeQuery("select owner_agency_id from document where id = ?1").setParameter(1, documentId)
                .getResultList().stream().findFirst().orElse(null);
        if (owner == null || ((Number) owner).longValue() != user.agency().id()) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy văn bản " + documentId + " của cơ quan");
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from ccn where code = ?1").setParameter(1, ccnCode).getResultList();
        if (ids.isEmpty()) {
            throw new DomainException(Problem.NOT_FOUND, "Không có cụm công nghiệp với mã " + ccnCode);
        }
        int n = em.createNativeQuery("insert into document_ccn (document_id, ccn_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, documentId).setParameter(2, ids.get(0).longValue()).executeUpdate();
        if (n > 0) {
            audit.record("TAG_CCN", "document", Long.toString(documentId), Map.of("ccn", ccnCode));
            outbox.enqueue(Outbox.INDEX_DOCUMENT, Long.toString(documentId), null); // the CCN filter of the search
        }
    }
}
