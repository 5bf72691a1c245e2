package vn.ccn.dms.indexing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A document as the indexer reads it from the database in one go: the metadata users search and filter on,
 * its latest version's files, and who may read it.
 *
 * @param versionId   the latest version, or {@code null} for a document without files
 * @param dossierCode the dossier it was first filed in (issue 5), or {@code null}
 * @param ccnCode     the industrial cluster it concerns: tagged on the document, else its dossier's; or {@code null}
 */
public record DocumentSnapshot(long documentId, Long versionId, String numberSymbol, String typeCode, String typeName,
        String issuer, String ownerAgencyCode, LocalDate date, Integer year, String secrecy, String status,
        String summary, String signer, String dossierCode, String ccnCode, List<StoredFileRef> files, List<String> readers) {

    public DocumentSnapshot {
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(ownerAgencyCode, "ownerAgencyCode");
        Objects.requireNonNull(summary, "summary");
        files = List.copyOf(files);
        readers = List.copyOf(readers);
    }
}
