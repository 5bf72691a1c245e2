package vn.ccn.dms.indexing.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ccn.dms.indexing.domain.DocumentSnapshot;
import vn.ccn.dms.indexing.domain.IndexState;
import vn.ccn.dms.indexing.domain.StoredFileRef;
import vn.ccn.dms.indexing.domain.StoredText;
import vn.ccn.dms.search.IndexedDocument;

/**
 * Builds the index entry of a document from its snapshot and the stored texts of its files: a pure function
 * of database rows, so reprocessing a version (or rebuilding) gives the same entry.
 */
public final class IndexEntries {

    private IndexEntries() {
    }

    /** The entry and what the version's state will be if the index accepts it. */
    public record Entry(IndexedDocument document, IndexState stateIfAccepted, String reason, boolean ocr, int characters) {
    }

    /**
     * @param unreadable content keys the content store could not read this time: their files count as failed,
     *                   with a reason that says the system will try again
     */
    public static Entry of(DocumentSnapshot s, Map<String, StoredText> texts, Set<String> unreadable) {
        StringBuilder content = new StringBuilder();
        List<String> failures = new ArrayList<>();
        boolean ocr = false;
        for (StoredFileRef f : s.files()) {
            StoredText t = texts.get(f.contentKey());
            if (unreadable.contains(f.contentKey())) {
                failures.add(f.fileName() + ": tạm thời không đọc được tệp từ kho lưu trữ; hệ thống sẽ tự thử lại");
                continue;
            }
            if (t == null) {
                failures.add(f.fileName() + ": chưa trích xuất được văn bản");
                continue;
            }
            if (!t.extracted()) {
                failures.add(f.fileName() + ": " + t.failure());
                continue;
            }
            if (!t.text().isEmpty()) {
                if (content.length() > 0) {
                    content.append("\n\n");
                }
                content.append(t.text());
            }
            ocr |= t.ocr();
        }
        IndexedDocument document = IndexedDocument.builder(Long.toString(s.documentId()))
                .versionId(s.versionId() == null ? null : s.versionId().toString())
                .numberSymbol(s.numberSymbol())
                .type(s.typeCode())
                .typeName(s.typeName())
                .issuer(s.issuer())
                .agencyCode(s.ownerAgencyCode())
                .date(s.date())
                .year(s.year())
                .secrecy(s.secrecy())
                .status(s.status())
                .summary(s.summary())
                .dossierCode(s.dossierCode())
                .ccn(s.ccnCode())
                .content(content.toString())
                .ocr(ocr)
                .readers(s.readers())
                .build();
        IndexState state = failures.isEmpty() ? IndexState.INDEXED : IndexState.FAILED;
        return new Entry(document, state, failures.isEmpty() ? null : String.join("; ", failures), ocr, content.length());
    }
}
