package vn.ccn.dms.indexing.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ccn.dms.indexing.domain.DocumentSnapshot;
import vn.ccn.dms.indexing.domain.IndexState;
import vn.ccn.dms.indexing.domain.StoredFileRef;
import vn.ccn.dms.indexing.domain.StoredText;
import vn.ccn.dms.indexing.infrastructure.JdbcIndexingStore;
import vn.ccn.dms.indexing.infrastructure.JdbcIndexingStore.TextInfo;
import vn.ccn.dms.indexing.infrastructure.JdbcIndexingStore.VersionOutcome;
import vn.ccn.dms.search.BulkItemResult;
import vn.ccn.dms.search.BulkResult;
import vn.ccn.dms.search.DocumentIndex;
import vn.ccn.dms.search.IndexedDocument;

/**
 * Indexes documents by id: reads them, extracts the files not extracted before, builds their entries and sends
 * them in bulk, then records each version's state. Shared by the outbox worker (into the live alias) and the
 * rebuild (into the new index). Cluster failures are thrown for the caller to retry the whole set.
 */
@ApplicationScoped
public class DocumentIndexer {

    /**
     * Text loaded per bulk round: bounds heap use whatever the documents hold (a batch of documents each at the
     * character limit would otherwise sit in memory at once).
     */
    static final long MAX_CHARS_PER_ROUND = 8_000_000;

    @EJB
    private JdbcIndexingStore store;

    @Inject
    private ExtractionPool extraction;

    @Inject
    private DocumentIndex index;

    /** What happened to one document. */
    public enum Outcome {
        /** In the index (its version may still be FAILED for a file that could not be read). */
        INDEXED,
        /** The document no longer exists; nothing to index. */
        GONE,
        /** The cluster could not take it now: try again later. */
        RETRY,
        /** The index refused it for good; recorded on the version. */
        REFUSED,
        /**
         * Indexed with what could be read, but a file of it could not be read from the content store now (not the
         * file's fault): recorded on the version, and to be indexed again later, when the store can read it.
         */
        UNREADABLE
    }

    /**
     * Starts extracting, without waiting, the files of these documents not extracted yet, so that their
     * {@link #index} finds the texts stored or under way: callers with a backlog hand over their next batch before
     * they index the current one.
     */
    public void prefetch(Collection<Long> documentIds) {
        List<StoredFileRef> files = store.unextractedFiles(documentIds);
        if (!files.isEmpty()) {
            extraction.prefetch(files);
        }
    }

    /**
     * @param targetIndex           a rebuild target, or {@code null} for the live index behind the alias
     * @param retryFailedExtraction extract again the files whose extraction failed before (a rebuild after
     *                              installing OCR, say); otherwise stored results are reused
     * @return the outcome per document id, and the reason of retries and of unreadable files
     */
    public Map<Long, Outcome> index(String targetIndex, Collection<Long> documentIds, boolean retryFailedExtraction,
            Map<Long, String> retryReasons) {
        Map<Long, DocumentSnapshot> snapshots = store.snapshots(new LinkedHashSet<>(documentIds));
        Map<Long, Outcome> outcomes = new LinkedHashMap<>();
        for (Long id : documentIds) {
            if (!snapshots.containsKey(id)) {
                outcomes.put(id, Outcome.GONE);
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        snapshots.values().forEach(s -> s.files().forEach(f -> keys.add(f.contentKey())));
        Map<String, TextInfo> info = store.textInfo(keys);
        List<StoredFileRef> toExtract = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (DocumentSnapshot s : snapshots.values()) {
            for (StoredFileRef f : s.files()) {
                TextInfo t = info.get(f.contentKey());
                if ((t == null || (retryFailedExtraction && t.failed())) && seen.add(f.contentKey())) {
                    toExtract.add(f);
                }
            }
        }
        Map<String, String> unavailable = toExtract.isEmpty() ? Map.of() : extraction.extractAll(toExtract).unavailable();
        Map<String, TextInfo> sizes = toExtract.isEmpty() ? info : store.textInfo(keys);
        // Cut into rounds by text size, load the texts of one round, send it.
        List<DocumentSnapshot> round = new ArrayList<>();
        long chars = 0;
        for (DocumentSnapshot s : snapshots.values()) {
            long size = s.files().stream().mapToLong(f -> sizes.getOrDefault(f.contentKey(), new TextInfo(true, 0)).characters()).sum();
            if (!round.isEmpty() && chars + size > MAX_CHARS_PER_ROUND) {
                send(targetIndex, round, unavailable, outcomes, retryReasons);
                round.clear();
                chars = 0;
            }
            round.add(s);
            chars += size;
        }
        if (!round.isEmpty()) {
            send(targetIndex, round, unavailable, outcomes, retryReasons);
        }
        if (targetIndex == null) {
            for (Map.Entry<Long, Outcome> e : outcomes.entrySet()) {
                if (e.getValue() == Outcome.GONE) {
                    index.delete(Long.toString(e.getKey()));
                }
            }
        }
        return outcomes;
    }

    private void send(String targetIndex, List<DocumentSnapshot> round, Map<String, String> unavailable,
            Map<Long, Outcome> outcomes, Map<Long, String> retryReasons) {
        Set<String> keys = new LinkedHashSet<>();
        round.forEach(s -> s.files().forEach(f -> keys.add(f.contentKey())));
        Map<String, StoredText> texts = store.texts(keys);
        List<IndexEntries.Entry> entries = new ArrayList<>();
        List<IndexedDocument> documents = new ArrayList<>();
        for (DocumentSnapshot s : round) {
            IndexEntries.Entry e = IndexEntries.of(s, texts, unavailable.keySet());
            entries.add(e);
            documents.add(e.document());
        }
        texts = null; // the entries hold the text now; let the map go before the request is serialised
        BulkResult result = targetIndex == null ? index.bulkIndex(documents) : index.bulkIndex(targetIndex, documents);
        Map<Long, BulkItemResult> byId = new HashMap<>();
        for (BulkItemResult item : result.items()) {
            byId.put(Long.parseLong(item.documentId()), item);
        }
        List<VersionOutcome> versions = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            DocumentSnapshot s = round.get(i);
            IndexEntries.Entry e = entries.get(i);
            BulkItemResult item = byId.get(s.documentId());
            Outcome outcome;
            IndexState state;
            String reason;
            if (item.indexed()) {
                String unreadable = unreadable(s, unavailable);
                outcome = unreadable == null ? Outcome.INDEXED : Outcome.UNREADABLE;
                if (unreadable != null) {
                    retryReasons.put(s.documentId(), unreadable);
                }
                state = e.stateIfAccepted();
                reason = e.reason();
            } else if (item.outcome() == BulkItemResult.Outcome.RETRYABLE_FAILURE) {
                outcome = Outcome.RETRY;
                state = IndexState.PENDING;
                reason = null;
                retryReasons.put(s.documentId(), item.reason());
            } else {
                outcome = Outcome.REFUSED;
                state = IndexState.FAILED;
                reason = "Máy chủ tìm kiếm từ chối mục chỉ mục: " + item.reason();
            }
            outcomes.put(s.documentId(), outcome);
            if (s.versionId() != null) {
                versions.add(new VersionOutcome(s.versionId(), s.documentId(), state, reason, e.ocr(), e.characters()));
            }
        }
        store.versionStates(versions);
    }

    /** Why a file of this document could not be read now, or {@code null} if every file was. */
    private static String unreadable(DocumentSnapshot s, Map<String, String> unavailable) {
        for (StoredFileRef f : s.files()) {
            String why = unavailable.get(f.contentKey());
            if (why != null) {
                return f.fileName() + ": " + why;
            }
        }
        return null;
    }
}
