package vn.ccn.dms.signature.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** An electronic copy made and signed by an agency, numbered in the agency's yearly copy series. */
@Entity
@Table(name = "electronic_copy")
public class ElectronicCopy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @Column(name = "source_document_id", nullable = false)
    private long sourceDocumentId;

    @Column(name = "agency_id", nullable = false)
    private long agencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CopyForm form;

    @Column(name = "copy_year", nullable = false)
    private int year;

    @Column(name = "copy_number", nullable = false)
    private int number;

    @Column(name = "number_symbol", nullable = false)
    private String numberSymbol;

    private String pages;

    @Column(name = "content_key", nullable = false)
    private String contentKey;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected ElectronicCopy() {
    }

    public ElectronicCopy(long sourceDocumentId, long agencyId, CopyForm form, int year, int number, String numberSymbol,
            String pages, String contentKey, String fileName, Instant createdAt, String createdBy) {
        this.sourceDocumentId = sourceDocumentId;
        this.agencyId = agencyId;
        this.form = Objects.requireNonNull(form, "form");
        this.year = year;
        this.number = number;
        this.numberSymbol = Objects.requireNonNull(numberSymbol, "numberSymbol");
        this.pages = pages;
        this.contentKey = Objects.requireNonNull(contentKey, "contentKey");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    }

    public Long id() {
        return id;
    }

    public long sourceDocumentId() {
        return sourceDocumentId;
    }

    public long agencyId() {
        return agencyId;
    }

    public CopyForm form() {
        return form;
    }

    public int year() {
        return year;
    }

    public int number() {
        return number;
    }

    public String numberSymbol() {
        return numberSymbol;
    }

    public String pages() {
        return pages;
    }

    public String contentKey() {
        return contentKey;
    }

    public String fileName() {
        return fileName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
