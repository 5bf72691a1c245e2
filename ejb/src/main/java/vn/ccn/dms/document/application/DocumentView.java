package vn.ccn.dms.document.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.ccn.dms.document.domain.Direction;
import vn.ccn.dms.document.domain.Document;
import vn.ccn.dms.document.domain.DocumentStatus;
import vn.ccn.dms.document.domain.DocumentVersion;
import vn.ccn.dms.document.domain.Secrecy;
import vn.ccn.dms.document.domain.StoredFile;
import vn.ccn.dms.document.domain.Urgency;

/** What a reader sees of a document: its metadata, recipients, versions and files. */
public record DocumentView(long id, Direction direction, String ownerAgencyCode, String ownerAgencyName,
        Long registerId, String typeCode, String typeName, String numberSymbol, Integer number,
        Integer arrivalNumber, Integer arrivalYear, Instant arrivalAt, String issuerName, String issuerAgencyCode,
        LocalDate issuedDate, String summary, String signerName, String signerPosition, Urgency urgency,
        Secrecy secrecy, Integer pageCount, LocalDate dueDate, String receivingUnit, String keepingUnit,
        Integer copies, DocumentStatus status, String notes, Instant createdAt, String createdBy,
        List<RecipientView> recipients, List<VersionView> versions) {

    public record RecipientView(String agencyCode, String name) {
    }

    public record VersionView(long id, int versionNo, String note, Instant createdAt, String createdBy,
            List<FileView> files) {
    }

    public record FileView(long id, String fileName, String mediaType, long sizeBytes, String sha256) {
    }

    /** The arrival number as written in the register: two digits at least (01..09). */
    public String arrivalNumberText() {
        return arrivalNumber == null ? null : String.format("%02d", arrivalNumber);
    }

    static DocumentView of(Document d, boolean withVersions) {
        return new DocumentView(d.id(), d.direction(), d.ownerAgency().code().value(), d.ownerAgency().name(),
                d.register() == null ? null : d.register().id(), d.type().code(), d.type().nameVi(),
                d.numberSymbol(), d.number(), d.arrivalNumber(), d.arrivalYear(), d.arrivalAt(), d.issuerName(),
                d.issuerAgency() == null ? null : d.issuerAgency().code().value(), d.issuedDate(), d.summary(),
                d.signerName(), d.signerPosition(), d.urgency(), d.secrecy(), d.pageCount(), d.dueDate(),
                d.receivingUnit(), d.keepingUnit(), d.copies(), d.status(), d.notes(), d.createdAt(), d.createdBy(),
                d.recipients().stream().map(r -> new RecipientView(
                        r.agency() == null ? null : r.agency().code().value(), r.name())).toList(),
                withVersions ? d.versions().stream().map(DocumentView::version).toList() : List.of());
    }

    private static VersionView version(DocumentVersion v) {
        return new VersionView(v.id(), v.versionNo(), v.note(), v.createdAt(), v.createdBy(),
                v.files().stream().map(DocumentView::file).toList());
    }

    private static FileView file(StoredFile f) {
        return new FileView(f.id(), f.fileName(), f.blob().mediaType(), f.blob().sizeBytes(), f.blob().sha256());
    }
}
