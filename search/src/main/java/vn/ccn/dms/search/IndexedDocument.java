package vn.ccn.dms.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the index keeps of one document: the metadata users filter and search on, the text (extracted or
 * recognised by OCR) and the principals that may read it. Built by the indexing worker from the database,
 * so the same version always gives the same entry.
 *
 * @param id           the document id; the index key
 * @param versionId    the version whose text this is
 * @param numberSymbol the number and symbol (số, ký hiệu) such as {@code 09/2025/QĐ-UBND}, or {@code null}
 * @param type         document type code (facet)
 * @param typeName     document type name as shown to users (searched)
 * @param issuer       issuing authority as shown to users (facet, searched)
 * @param agencyCode   code of the agency that holds the document (facet)
 * @param date         date of issue, or {@code null}
 * @param year         the year the document belongs to (facet); defaults to the year of {@code date}
 * @param secrecy      secrecy level code (độ mật)
 * @param dossierCode  code of the dossier the document is filed in, or {@code null}
 * @param ccn          code of the industrial cluster concerned (facet), or {@code null}
 * @param status       workflow status code (facet)
 * @param summary      trích yếu, the subject line
 * @param content      full text; may be empty when extraction failed
 * @param ocr          whether {@code content} came from optical character recognition
 * @param readers      principals allowed to read, for example {@code agency:000.00.00.H37} or
 *                     {@code user:alice}; an empty list makes the entry invisible to every search
 */
public record IndexedDocument(String id, String versionId, String numberSymbol, String type, String typeName,
        String issuer, String agencyCode, LocalDate date, Integer year, String secrecy, String dossierCode,
        String ccn, String status, String summary, String content, boolean ocr, List<String> readers) {

    /** Elasticsearch refuses ids longer than 512 bytes. */
    private static final int MAX_ID_BYTES = 512;

    public IndexedDocument {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("id must be 1.." + MAX_ID_BYTES + " bytes and not blank");
        }
        Objects.requireNonNull(readers, "readers");
        readers = List.copyOf(readers);
        if (readers.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("readers must not contain blank principals");
        }
        if (year == null && date != null) {
            year = date.getYear();
        }
        content = content == null ? "" : content;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Fluent construction for the many optional fields. */
    public static final class Builder {
        private final String id;
        private String versionId;
        private String numberSymbol;
        private String type;
        private String typeName;
        private String issuer;
        private String agencyCode;
        private LocalDate date;
        private Integer year;
        private String secrecy;
        private String dossierCode;
        private String ccn;
        private String status;
        private String summary;
        private String content;
        private boolean ocr;
        private List<String> readers = List.of();

        private Builder(String id) {
            this.id = id;
        }

        public Builder versionId(String versionId) {
            this.versionId = versionId;
            return this;
        }

        public Builder numberSymbol(String numberSymbol) {
            this.numberSymbol = numberSymbol;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder typeName(String typeName) {
            this.typeName = typeName;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder agencyCode(String agencyCode) {
            this.agencyCode = agencyCode;
            return this;
        }

        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        public Builder year(Integer year) {
            this.year = year;
            return this;
        }

        public Builder secrecy(String secrecy) {
            this.secrecy = secrecy;
            return this;
        }

        public Builder dossierCode(String dossierCode) {
            this.dossierCode = dossierCode;
            return this;
        }

        public Builder ccn(String ccn) {
            this.ccn = ccn;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder content(String content) {
            this.content = content;
            return this;
        }

        public Builder ocr(boolean ocr) {
            this.ocr = ocr;
            return this;
        }

        public Builder readers(List<String> readers) {
            this.readers = readers;
            return this;
        }

        public Builder readers(String... readers) {
            this.readers = List.of(readers);
            return this;
        }

        public IndexedDocument build() {
            return new IndexedDocument(id, versionId, numberSymbol, type, typeName, issuer, agencyCode, date, year,
                    secrecy, dossierCode, ccn, status, summary, content, ocr, readers);
        }
    }
}
