package vn.ccn.dms.document.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file of a version: its name as received and the blob holding its bytes. */
@Entity
@Table(name = "stored_file")
public class StoredFile {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "version_id")
    private DocumentVersion version;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "content_key")
    private ContentBlob blob;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected StoredFile() {
    }

    StoredFile(DocumentVersion version, ContentBlob blob, String fileName, Instant createdAt, String createdBy) {
        this.version = version;
        this.blob = blob;
        this.fileName = fileName;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public ContentBlob blob() {
        return blob;
    }
}
