package vn.ccn.dms.indexing.infrastructure;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.indexing.domain.ClaimedEvent;
import vn.ccn.dms.indexing.domain.DocumentSnapshot;
import vn.ccn.dms.indexing.domain.ExtractedText;
import vn.ccn.dms.indexing.domain.IndexState;
import vn.ccn.dms.indexing.domain.Readers;
import vn.ccn.dms.indexing.domain.StoredFileRef;
import vn.ccn.dms.indexing.domain.StoredText;
import vn.ccn.dms.indexing.domain.VersionIndexView;

/**
 * The indexer's reads and writes, in SQL: the worker handles hundreds of documents per batch and a rebuild
 * hundreds of thousands, so it reads them with a few set-based queries instead of loading entities one by one.
 * Each method is its own transaction (the worker calls from outside any); nothing here talks to the index.
 */
@Stateless
@PermitAll
public class JdbcIndexingStore {

    /** The outbox topic this worker drains (the constant of {@code vn.ccn.dms.outbox.application.Outbox}). */
    public static final String TOPIC = vn.ccn.dms.outbox.application.Outbox.INDEX_DOCUMENT;

    @Resource(lookup = "java:app/jdbc/dms")
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private DmsSettings settings;

    /**
     * Leases up to {@code limit} due rows of the indexing topic: {@code FOR UPDATE SKIP LOCKED} lets several
     * nodes claim side by side without waiting on each other, and moving {@code available_at} past the lease
     * keeps the rows away from other workers after this short transaction commits.
     */
    public List<ClaimedEvent> claim(int limit, Duration lease) {
        Instant now = clock.instant();
        String sql = "update outbox_event set available_at = ?, attempts = attempts + 1 where id in ("
                + " select id from outbox_event where topic = ? and processed_at is null and available_at <= ?"
                + " order by available_at, id limit ? for update skip locked) returning id, subject_id, attempts";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setString(2, TOPIC);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, limit);
            List<ClaimedEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ClaimedEvent(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
            out.sort((a, b) -> Long.compare(a.id(), b.id()));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming outbox rows failed", e);
        }
    }

    /** Marks rows done. */
    public void completed(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        update("update outbox_event set processed_at = ?, last_error = null where id = any(?)",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    ps.setArray(2, longs(ps.getConnection(), eventIds));
                });
    }

    /** Marks rows done without effect, keeping why (a subject that is not a document id). */
    public void discard(Collection<Long> eventIds, String reason) {
        if (eventIds.isEmpty()) {
            return;
        }
        update("update outbox_event set processed_at = ?, last_error = ? where id = any(?)", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, reason);
            ps.setArray(3, longs(ps.getConnection(), eventIds));
        });
    }

    /** Puts rows back for a later attempt, keeping the error for operators. */
    public void retryLater(Collection<Long> eventIds, String error, Duration delay) {
        if (eventIds.isEmpty()) {
            return;
        }
        update("update outbox_event set available_at = ?, last_error = ? where id = any(?) and processed_at is null",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(clock.instant().plus(delay)));
                    ps.setString(2, error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error);
                    ps.setArray(3, longs(ps.getConnection(), eventIds));
                });
    }

    /** Adds an index request for each document (rebuild catch-up, re-index on demand). */
    public void enqueue(Collection<Long> documentIds, String payload) {
        if (documentIds.isEmpty()) {
            return;
        }
        update("insert into outbox_event (id, topic, subject_id, payload, created_at, available_at)"
                + " select nextval('dms_seq'), ?, d::text, ?, ?, ? from unnest(?) as d", ps -> {
                    Timestamp now = Timestamp.from(clock.instant());
                    ps.setString(1, TOPIC);
                    ps.setString(2, payload);
                    ps.setTimestamp(3, now);
                    ps.setTimestamp(4, now);
                    ps.setArray(5, longs(ps.getConnection(), documentIds));
                });
    }

    /** The documents with the given ids that exist, as the indexer needs them. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, DocumentSnapshot> snapshots(Collection<Long> documentIds) {
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        ZoneId zone = settings.zone();
        try (Connection c = dataSource.getConnection()) {
            Array ids = longs(c, documentIds);
            Map<Long, List<String>> recipients = multimap(c, "select r.document_id, a.code from document_recipient r"
                    + " join agency a on a.id = r.agency_id where r.document_id = any(?)", ids);
            Map<Long, List<String>> grants = multimap(c, "select g.document_id, u.username from document_grant g"
                    + " join app_user u on u.id = g.user_id where g.document_id = any(?)", ids);
            Map<Long, Long> latest = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select distinct on (document_id) document_id, id"
                    + " from document_version where document_id = any(?) order by document_id, version_no desc")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        latest.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            Map<Long, List<StoredFileRef>> files = new HashMap<>();
            if (!latest.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("select f.version_id, f.id, f.file_name, b.content_key,"
                        + " b.media_type, b.size_bytes from stored_file f join content_blob b on b.content_key = f.content_key"
                        + " where f.version_id = any(?) order by f.id")) {
                    ps.setArray(1, longs(c, latest.values()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            files.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StoredFileRef(
                                    rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)));
                        }
                    }
                }
            }
            Map<Long, DocumentSnapshot> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select d.id, d.number_symbol, d.type_code, t.name_vi,"
                    + " d.issuer_name, a.code, d.issued_date, d.number_year, d.arrival_year, d.created_at, d.secrecy,"
                    + " d.status, d.summary, d.signer_name,"
                    // issue 5: the dossier the document was first filed in, and the cluster it concerns (its own tag
                    // first, else its dossier's), for the dossier and CCN filters of the search
                    + " (select o.code from dossier_document dd join dossier o on o.id = dd.dossier_id"
                    + "   where dd.document_id = d.id order by dd.linked_at, o.code limit 1),"
                    + " coalesce((select c.code from document_ccn dc join ccn c on c.id = dc.ccn_id where dc.document_id = d.id"
                    + "   order by c.code limit 1), (select c.code from dossier_document dd join dossier o on o.id = dd.dossier_id"
                    + "   join ccn c on c.id = o.ccn_id where dd.document_id = d.id order by dd.linked_at, c.code limit 1))"
                    + " from document d join agency a on a.id = d.owner_agency_id"
                    + " join document_type t on t.code = d.type_code where d.id = any(?) order by d.id")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        LocalDate issued = rs.getObject(7, LocalDate.class);
                        Integer year = issued != null ? Integer.valueOf(issued.getYear())
                                : (Integer) rs.getObject(8) != null ? (Integer) rs.getObject(8)
                                : (Integer) rs.getObject(9) != null ? (Integer) rs.getObject(9)
                                : Integer.valueOf(rs.getTimestamp(10).toInstant().atZone(zone).getYear());
                        String secrecy = rs.getString(11);
                        String status = rs.getString(12);
                        Long version = latest.get(id);
                        out.put(id, new DocumentSnapshot(id, version, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), issued, year, secrecy, status, rs.getString(13),
                                rs.getString(14), rs.getString(15), rs.getString(16),
                                version == null ? List.of() : files.getOrDefault(version, List.of()),
                                Readers.ofDocument(!"NONE".equals(secrecy), rs.getString(6),
                                        // every status before issue, not only DRAFT: a document awaiting the leader's
                                        // or the organisation's signature is not yet its recipients' to find
                                        vn.ccn.dms.document.domain.DocumentStatus.valueOf(status).beforeIssue(),
                                        recipients.getOrDefault(id, List.of()), grants.getOrDefault(id, List.of()))));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading documents to index failed", e);
        }
    }

    /** The files of the documents' latest versions whose text has not been extracted yet, once per blob. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StoredFileRef> unextractedFiles(Collection<Long> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select distinct on (b.content_key) f.id, f.file_name, b.content_key, b.media_type, b.size_bytes"
                        + " from (select distinct on (document_id) id from document_version where document_id = any(?)"
                        + " order by document_id, version_no desc) v join stored_file f on f.version_id = v.id"
                        + " join content_blob b on b.content_key = f.content_key"
                        + " where not exists (select 1 from content_text t where t.content_key = b.content_key)")) {
            ps.setArray(1, longs(c, documentIds));
            List<StoredFileRef> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredFileRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading unextracted files failed", e);
        }
    }

    /** Stored extraction results of the given blobs (those extracted before). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, StoredText> texts(Collection<String> contentKeys) {
        if (contentKeys.isEmpty()) {
            return Map.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select content_key, reason, text_content, truncated, ocr from content_text where content_key = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", contentKeys.toArray()));
            Map<String, StoredText> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new StoredText(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBoolean(4), rs.getBoolean(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading extracted texts failed", e);
        }
    }

    /** What is known of a blob's extraction without reading its text. */
    public record TextInfo(boolean failed, int characters) {
    }

    /** Extraction status and size of the given blobs (those extracted before). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, TextInfo> textInfo(Collection<String> contentKeys) {
        if (contentKeys.isEmpty()) {
            return Map.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select content_key, status, char_count from content_text where content_key = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", contentKeys.toArray()));
            Map<String, TextInfo> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new TextInfo("FAILED".equals(rs.getString(2)), rs.getInt(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading extraction states failed", e);
        }
    }

    /** Keeps the extraction result of a blob; a later extraction of the same bytes replaces it. */
    public void saveText(String contentKey, ExtractedText t) {
        update("insert into content_text (content_key, status, reason, text_content, char_count, truncated, ocr, ocr_pages,"
                + " media_type, duration_ms, extracted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (content_key) do update set status = excluded.status, reason = excluded.reason,"
                + " text_content = excluded.text_content, char_count = excluded.char_count, truncated = excluded.truncated,"
                + " ocr = excluded.ocr, ocr_pages = excluded.ocr_pages, media_type = excluded.media_type,"
                + " duration_ms = excluded.duration_ms, extracted_at = excluded.extracted_at", ps -> {
                    ps.setString(1, contentKey);
                    ps.setString(2, t.extracted() ? "EXTRACTED" : "FAILED");
                    ps.setString(3, t.failure());
                    ps.setString(4, t.text());
                    ps.setInt(5, t.text().length());
                    ps.setBoolean(6, t.truncated());
                    ps.setBoolean(7, t.ocr());
                    ps.setInt(8, t.ocrPages());
                    ps.setString(9, t.mediaType() == null ? null
                            : t.mediaType().length() > 255 ? t.mediaType().substring(0, 255) : t.mediaType());
                    ps.setLong(10, t.duration().toMillis());
                    ps.setTimestamp(11, Timestamp.from(clock.instant()));
                });
    }

    /** One version's state after an indexing attempt. */
    public record VersionOutcome(long versionId, long documentId, IndexState state, String reason, boolean ocr,
            int characters) {
    }

    /** Records the states of versions (upsert). */
    public void versionStates(Collection<VersionOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into version_index_state (version_id, document_id, state, reason, ocr, char_count, updated_at,"
                        + " indexed_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (version_id) do update set"
                        + " state = excluded.state, reason = excluded.reason, ocr = excluded.ocr,"
                        + " char_count = excluded.char_count, updated_at = excluded.updated_at,"
                        + " indexed_at = coalesce(excluded.indexed_at, version_index_state.indexed_at)")) {
            for (VersionOutcome o : outcomes) {
                ps.setLong(1, o.versionId());
                ps.setLong(2, o.documentId());
                ps.setString(3, o.state().name());
                ps.setString(4, o.reason() == null ? null
                        : o.reason().length() > 2000 ? o.reason().substring(0, 1999) + "…" : o.reason());
                ps.setBoolean(5, o.ocr());
                ps.setInt(6, o.characters());
                ps.setTimestamp(7, now);
                ps.setTimestamp(8, o.state() == IndexState.PENDING ? null : now);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("recording version index states failed", e);
        }
    }

    /** Every version of a document with its indexing state (pending when the worker has not reached it). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<VersionIndexView> states(long documentId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select v.id, v.version_no, s.state, s.reason, s.ocr, s.char_count, s.updated_at, s.indexed_at"
                        + " from document_version v left join version_index_state s on s.version_id = v.id"
                        + " where v.document_id = ? order by v.version_no")) {
            ps.setLong(1, documentId);
            List<VersionIndexView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IndexState state = rs.getString(3) == null ? IndexState.PENDING : IndexState.valueOf(rs.getString(3));
                    Timestamp updated = rs.getTimestamp(7);
                    Timestamp indexed = rs.getTimestamp(8);
                    out.add(new VersionIndexView(rs.getLong(1), rs.getInt(2), state, state.labelVi(), rs.getString(4),
                            rs.getBoolean(5), rs.getInt(6), updated == null ? null : updated.toInstant(),
                            indexed == null ? null : indexed.toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading index states failed", e);
        }
    }

    /** Document ids above {@code afterId}, ascending: the pages of a rebuild. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> documentIdsAfter(long afterId, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id from document where id > ? order by id limit ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("listing documents failed", e);
        }
    }

    /** Documents with an index request created at or after {@code since} (changed during a rebuild). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> documentsRequestedSince(Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select distinct subject_id from outbox_event where topic = ? and created_at >= ?")) {
            ps.setString(1, TOPIC);
            ps.setTimestamp(2, Timestamp.from(since));
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        out.add(Long.parseLong(rs.getString(1)));
                    } catch (NumberFormatException e) {
                        // not a document id: ignored here, the worker records it
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("listing recent index requests failed", e);
        }
    }

    /** Numbers for health and operations. */
    public record Backlog(long pending, long retrying, Long oldestPendingSeconds, long documents, long failedVersions,
            String lastError) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Backlog backlog() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*), count(*) filter (where last_error is not null),"
                        + " extract(epoch from (? - min(created_at)))::bigint,"
                        + " (select count(*) from document),"
                        + " (select count(*) from version_index_state where state = 'FAILED'),"
                        + " (select last_error from outbox_event where topic = ? and processed_at is null"
                        + "    and last_error is not null order by id desc limit 1)"
                        + " from outbox_event where topic = ? and processed_at is null")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, TOPIC);
            ps.setString(3, TOPIC);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object oldest = rs.getObject(3);
                return new Backlog(rs.getLong(1), rs.getLong(2), oldest == null ? null : ((Number) oldest).longValue(),
                        rs.getLong(4), rs.getLong(5), rs.getString(6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the indexing backlog failed", e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("indexing store update failed: " + sql.substring(0, Math.min(60, sql.length())), e);
        }
    }

    private static Array longs(Connection c, Collection<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.toArray());
    }

    private static Map<Long, List<String>> multimap(Connection c, String sql, Array ids) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }
}
