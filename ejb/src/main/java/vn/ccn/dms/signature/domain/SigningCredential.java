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

/**
 * Where the signing key of a leader or of an agency is. The PIN is never stored: the signer enters it for each
 * signing (one entry per batch). Which PKCS#11 modules and which keystore directory may be named here is
 * limited by configuration, so that directory data cannot make the server load arbitrary native code.
 */
@Entity
@Table(name = "signing_credential")
public class SigningCredential {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dms_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    private OwnerKind ownerKind;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CredentialKind kind;

    @Column(name = "pkcs11_library")
    private String pkcs11Library;

    @Column(name = "pkcs11_slot_id")
    private Long pkcs11SlotId;

    @Column(name = "pkcs11_slot_index")
    private Integer pkcs11SlotIndex;

    @Column(name = "key_alias")
    private String keyAlias;

    @Column(name = "pkcs12_file")
    private String pkcs12File;

    @Column(name = "certificate_chain")
    private String certificateChainPem;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected SigningCredential() {
    }

    public SigningCredential(OwnerKind ownerKind, long ownerId) {
        this.ownerKind = Objects.requireNonNull(ownerKind, "ownerKind");
        this.ownerId = ownerId;
    }

    /** A token or HSM slot: by slot id, or by index in the module's slot list when the id is null. */
    public void usePkcs11(String library, Long slotId, int slotIndex, String keyAlias, Instant at, String by) {
        clear();
        this.kind = CredentialKind.PKCS11;
        this.pkcs11Library = Objects.requireNonNull(library, "library");
        this.pkcs11SlotId = slotId;
        this.pkcs11SlotIndex = slotId == null ? slotIndex : null;
        this.keyAlias = keyAlias;
        touch(at, by);
    }

    public void usePkcs12(String file, String keyAlias, Instant at, String by) {
        clear();
        this.kind = CredentialKind.PKCS12;
        this.pkcs12File = Objects.requireNonNull(file, "file");
        this.keyAlias = keyAlias;
        touch(at, by);
    }

    /** The key is elsewhere; the chain (PEM, signing certificate first) identifies it. */
    public void useExternal(String certificateChainPem, Instant at, String by) {
        clear();
        this.kind = CredentialKind.EXTERNAL;
        this.certificateChainPem = Objects.requireNonNull(certificateChainPem, "certificateChainPem");
        touch(at, by);
    }

    private void clear() {
        pkcs11Library = null;
        pkcs11SlotId = null;
        pkcs11SlotIndex = null;
        keyAlias = null;
        pkcs12File = null;
        certificateChainPem = null;
    }

    private void touch(Instant at, String by) {
        this.updatedAt = Objects.requireNonNull(at, "at");
        this.updatedBy = Objects.requireNonNull(by, "by");
    }

    public Long id() {
        return id;
    }

    public OwnerKind ownerKind() {
        return ownerKind;
    }

    public long ownerId() {
        return ownerId;
    }

    public CredentialKind kind() {
        return kind;
    }

    public String pkcs11Library() {
        return pkcs11Library;
    }

    public Long pkcs11SlotId() {
        return pkcs11SlotId;
    }

    public Integer pkcs11SlotIndex() {
        return pkcs11SlotIndex;
    }

    public String keyAlias() {
        return keyAlias;
    }

    public String pkcs12File() {
        return pkcs12File;
    }

    public String certificateChainPem() {
        return certificateChainPem;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
