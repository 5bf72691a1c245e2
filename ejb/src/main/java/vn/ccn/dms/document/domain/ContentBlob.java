package vn.ccn.dms.document.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The database's record of bytes in the content store; a blob with no such row is an orphan. */
@Entity
@Table(name = "content_blob")
public class ContentBlob {

    @Id
    @Column(name = "content_key")
    private String key;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ContentBlob() {
    }

    public String key() {
        return key;
    }

    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String mediaType() {
        return mediaType;
    }
}
