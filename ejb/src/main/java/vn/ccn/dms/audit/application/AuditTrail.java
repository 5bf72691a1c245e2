package vn.ccn.dms.audit.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.ccn.dms.audit.domain.AuditEntry;
import vn.ccn.dms.audit.domain.AuditHash;
import vn.ccn.dms.platform.RequestOrigin;

/**
 * Appends audit entries inside the caller's transaction, so an action and its record commit or roll back
 * together. One hash chain per audited object: writers on different documents never wait for each other;
 * writers on the same object serialize on its chain row, locked by an upsert when the transaction first records on
 * that object (or earlier by {@link #lockChain}).
 */
@Stateless
@PermitAll
public class AuditTrail {

    /**
     * Looked up once: {@code Json.createObjectBuilder()} asks the ServiceLoader for a provider on every call, which
     * a profile of the upload benchmark showed as a hot spot (class-loader lookups on every audited action).
     */
    private static final jakarta.json.JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Inject
    private RequestOrigin origin;

    @Inject
    private Clock clock;

    /** Records an action of the calling user. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String action, String objectType, String objectId, Map<String, String> detail) {
        recordAs(caller(), action, objectType, objectId, detail);
    }

    /**
     * Takes the lock on an object's chain for the rest of the transaction and reads what the next entry by the
     * calling user needs, so that the entry written later costs one statement. For paths that hold a contended lock
     * when they record (a register's counter row is held from the number to the commit): they call this before
     * taking it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lockChain(String objectType, String objectId) {
        head(objectType + ":" + objectId, caller());
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordAs(String actor, String action, String objectType, String objectId, Map<String, String> detail) {
        String chainKey = objectType + ":" + objectId;
        Head head = head(chainKey, actor);
        long seq = head.seq() + 1;
        // PostgreSQL keeps microseconds: truncate so the stored instant hashes to the same value.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = new AuditEntry(chainKey, seq, now, actor, agencyOf(actor), action, objectType, objectId,
                toJson(detail), origin.remoteAddress(), head.hash());
        // The entry and the new head in one statement (the head row is locked by head(...) above).
        em.createNativeQuery("with entry as (insert into audit_entry (id, chain_key, seq, occurred_at, actor, actor_agency,"
                        + " action, object_type, object_id, detail, remote_addr, prev_hash, hash) values (nextval('dms_seq'),"
                        + " ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))"
                        + " update audit_chain set last_seq = ?2, last_hash = ?12 where chain_key = ?1")
                .setParameter(1, chainKey).setParameter(2, seq).setParameter(3, Timestamp.from(now))
                .setParameter(4, actor).setParameter(5, entry.actorAgency()).setParameter(6, action)
                .setParameter(7, objectType).setParameter(8, objectId).setParameter(9, entry.detail())
                .setParameter(10, entry.remoteAddr()).setParameter(11, entry.prevHash()).setParameter(12, entry.hash())
                .executeUpdate();
        transaction.putResource(HEAD + chainKey, new Head(seq, entry.hash()));
    }

    private record Head(long seq, String hash) {
    }

    private static final String HEAD = "audit-chain-head:";
    private static final String AGENCY = "audit-actor-agency:";

    /**
     * The head of a chain, locked: read once per transaction (creating the chain if absent; the no-op update takes
     * the row lock), with the actor's agency in the same round trip, then kept in the transaction's resources and
     * advanced by each entry written.
     */
    private Head head(String chainKey, String actor) {
        Head head = (Head) transaction.getResource(HEAD + chainKey);
        if (head != null) {
            return head;
        }
        Object[] row = (Object[]) em.createNativeQuery("insert into audit_chain (chain_key, last_seq, last_hash)"
                        + " values (?1, 0, ?2) on conflict (chain_key) do update set last_seq = audit_chain.last_seq"
                        + " returning last_seq, last_hash, (select a.code from app_user u join agency a on a.id = u.agency_id"
                        + " where u.username = ?3)")
                .setParameter(1, chainKey).setParameter(2, AuditHash.GENESIS).setParameter(3, actor).getSingleResult();
        head = new Head(((Number) row[0]).longValue(), ((String) row[1]).trim());
        transaction.putResource(HEAD + chainKey, head);
        transaction.putResource(AGENCY + actor, Optional.ofNullable(row[2]).map(Object::toString));
        return head;
    }

    /** The actor's agency code (none for "system" or "anonymous"), read once per transaction. */
    @SuppressWarnings("unchecked")
    private String agencyOf(String actor) {
        Optional<String> agency = (Optional<String>) transaction.getResource(AGENCY + actor);
        if (agency == null) {
            List<?> rows = em.createNativeQuery("select a.code from app_user u join agency a on a.id = u.agency_id"
                    + " where u.username = ?1").setParameter(1, actor).getResultList();
            agency = rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).toString());
            transaction.putResource(AGENCY + actor, agency);
        }
        return agency.orElse(null);
    }

    private String caller() {
        return session.getCallerPrincipal() == null ? "anonymous" : session.getCallerPrincipal().getName();
    }

    private static String toJson(Map<String, String> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        JsonObjectBuilder b = JSON.createObjectBuilder();
        new TreeMap<>(detail).forEach((k, v) -> b.add(k, v == null ? "" : v));
        return b.build().toString();
    }

    /** Entries of one object, oldest first. */
    @PermitAll
    public List<AuditEntry> ofObject(String objectType, String objectId) {
        return em.createQuery("select e from AuditEntry e where e.objectType = :t and e.objectId = :id"
                        + " order by e.occurredAt, e.seq", AuditEntry.class)
                .setParameter("t", objectType).setParameter("id", objectId).getResultList();
    }

    /** Entries of one user, newest first. */
    @RolesAllowed("ADMIN")
    public List<AuditEntry> ofActor(String actor, int first, int max) {
        return em.createQuery("select e from AuditEntry e where e.actor = :a order by e.occurredAt desc, e.id desc",
                        AuditEntry.class)
                .setParameter("a", actor).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The result of recomputing every chain: intact, or the first broken link of each broken chain. */
    public record Verification(long chains, long entries, List<BrokenLink> broken) {
        public boolean intact() {
            return broken.isEmpty();
        }
    }

    public record BrokenLink(String chainKey, long seq, Long entryId, String reason) {
    }

    /** Recomputes every chain from the genesis hash and names the first broken link of each. */
    @RolesAllowed("ADMIN")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Verification verify() {
        List<BrokenLink> broken = new ArrayList<>();
        List<Object[]> chains = em.createNativeQuery("select chain_key, last_seq, last_hash from audit_chain order by chain_key")
                .getResultList();
        long entries = 0;
        for (Object[] chain : chains) {
            String key = (String) chain[0];
            long lastSeq = ((Number) chain[1]).longValue();
            String lastHash = (String) chain[2];
            // Only up to the head read above: entries appended while we verify belong to the next verification
            // (without this, a concurrent append looked like a removed tail).
            List<AuditEntry> rows = em.createQuery("select e from AuditEntry e where e.chainKey = :k and e.seq <= :last"
                    + " order by e.seq", AuditEntry.class).setParameter("k", key).setParameter("last", lastSeq).getResultList();
            entries += rows.size();
            String expectedPrev = AuditHash.GENESIS;
            long expectedSeq = 1;
            BrokenLink first = null;
            for (AuditEntry e : rows) {
                if (e.seq() != expectedSeq) {
                    first = new BrokenLink(key, expectedSeq, e.id(), "thiếu mục số " + expectedSeq);
                } else if (!e.prevHash().equals(expectedPrev)) {
                    first = new BrokenLink(key, e.seq(), e.id(), "liên kết với mục trước bị sai");
                } else if (!AuditHash.of(e).equals(e.hash())) {
                    first = new BrokenLink(key, e.seq(), e.id(), "nội dung mục đã bị thay đổi");
                }
                if (first != null) {
                    break;
                }
                expectedPrev = e.hash();
                expectedSeq++;
            }
            if (first == null && (expectedSeq - 1 != lastSeq || !expectedPrev.equals(lastHash))) {
                first = new BrokenLink(key, expectedSeq, null, "các mục cuối chuỗi đã bị xóa");
            }
            if (first != null) {
                broken.add(first);
            }
        }
        return new Verification(chains.size(), entries, broken);
    }
}
