package vn.ccn.dms.document.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An immutable set of files of a document at one moment; a change of files makes a new version. */
@Entity
@Table(name = "document_version")
public class DocumentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    private Document document;

    @Column(name = "version_no", nullable = false)
    private int versionNo;

    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @OneToMany(mappedBy = "version", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<StoredFile> files = new ArrayList<>();

    protected DocumentVersion() {
    }

    DocumentVersion(Document document, int versionNo, String note, Instant createdAt, String createdBy) {
        this.document = document;
        this.versionNo = versionNo;
        this.note = note;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void addFile(ContentBlob blob, String fileName) {
        files.add(new StoredFile(this, blob, fileName, createdAt, createdBy));
    }

    public Long id() {
        return id;
    }

    public int versionNo() {
        return versionNo;
    }

    public String note() {
        return note;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public List<StoredFile> files() {
        return List.copyOf(files);
    }
}
