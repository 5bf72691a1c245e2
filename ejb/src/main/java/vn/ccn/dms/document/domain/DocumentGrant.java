package vn.ccn.dms.document.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An explicit permission for one user to read one restricted (Mật / Tối mật / Tuyệt mật) document. */
@Entity
@Table(name = "document_grant")
public class DocumentGrant {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "document_id")
        private Long documentId;
        @Column(name = "user_id")
        private Long userId;

        protected Key() {
        }

        public Key(Long documentId, Long userId) {
            this.documentId = Objects.requireNonNull(documentId, "documentId");
            this.userId = Objects.requireNonNull(userId, "userId");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && documentId.equals(k.documentId) && userId.equals(k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(documentId, userId);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "granted_by", nullable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected DocumentGrant() {
    }

    public DocumentGrant(Long documentId, Long userId, String grantedBy, Instant grantedAt) {
        this.key = new Key(documentId, userId);
        this.grantedBy = Objects.requireNonNull(grantedBy, "grantedBy");
        this.grantedAt = Objects.requireNonNull(grantedAt, "grantedAt");
    }
}
