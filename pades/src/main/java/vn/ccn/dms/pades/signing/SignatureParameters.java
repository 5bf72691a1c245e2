package vn.ccn.dms.pades.signing;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.appearance.SignatureAppearance;
import vn.ccn.dms.pades.crypto.DigestAlgorithm;

/**
 * Everything about one signature. Immutable; built with {@link #builder(PadesLevel)}.
 *
 * <p>Signing into an existing empty signature field: give its name with {@link Builder#fieldName} and an
 * appearance whose {@code area()} is null. Creating a new field: give an appearance with an area (or the
 * invisible appearance) and optionally a name.
 */
public final class SignatureParameters {

    /** Room for the CMS in /Contents, in bytes; holds a chain of four certificates and a time-stamp token. */
    public static final int DEFAULT_RESERVED_SIZE = 24_576;

    private final PadesLevel level;
    private final DigestAlgorithm digestAlgorithm;
    private final List<X509Certificate> certificateChain;
    private final SignatureAppearance appearance;
    private final String fieldName;
    private final CertificationPermission certification;
    private final FieldLock fieldLock;
    private final List<FieldReservation> reservations;
    private final Map<String, String> fieldValues;
    private final String signerName;
    private final String reason;
    private final String location;
    private final String contactInfo;
    private final int reservedSize;

    private SignatureParameters(Builder b) {
        this.level = b.level;
        this.digestAlgorithm = b.digestAlgorithm;
        this.certificateChain = List.copyOf(b.certificateChain);
        this.appearance = b.appearance;
        this.fieldName = b.fieldName;
        this.certification = b.certification;
        this.fieldLock = b.fieldLock;
        this.reservations = List.copyOf(b.reservations);
        this.fieldValues = Map.copyOf(b.fieldValues);
        this.signerName = b.signerName;
        this.reason = b.reason;
        this.location = b.location;
        this.contactInfo = b.contactInfo;
        this.reservedSize = b.reservedSize;
    }

    public static Builder builder(PadesLevel level) {
        return new Builder(level);
    }

    /** A copy with another certificate chain (used when a {@link vn.ccn.dms.pades.crypto.Signer} supplies it). */
    public SignatureParameters withCertificateChain(List<X509Certificate> chain) {
        return toBuilder().certificateChain(chain).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(level).digestAlgorithm(digestAlgorithm).certificateChain(certificateChain)
                .appearance(appearance).fieldName(fieldName).signerName(signerName).reason(reason).location(location)
                .contactInfo(contactInfo).reservedSize(reservedSize);
        b.certification = certification;
        b.fieldLock = fieldLock;
        b.reservations.addAll(reservations);
        b.fieldValues.putAll(fieldValues);
        return b;
    }

    public PadesLevel level() {
        return level;
    }

    public DigestAlgorithm digestAlgorithm() {
        return digestAlgorithm;
    }

    public List<X509Certificate> certificateChain() {
        return certificateChain;
    }

    public SignatureAppearance appearance() {
        return appearance;
    }

    public Optional<String> fieldName() {
        return Optional.ofNullable(fieldName);
    }

    public Optional<CertificationPermission> certification() {
        return Optional.ofNullable(certification);
    }

    public Optional<FieldLock> fieldLock() {
        return Optional.ofNullable(fieldLock);
    }

    public List<FieldReservation> reservations() {
        return reservations;
    }

    /** Text field values to fill in the same revision as this signature (the clerk's number and date). */
    public Map<String, String> fieldValues() {
        return fieldValues;
    }

    public Optional<String> signerName() {
        return Optional.ofNullable(signerName);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    public Optional<String> contactInfo() {
        return Optional.ofNullable(contactInfo);
    }

    public int reservedSize() {
        return reservedSize;
    }

    /** Builder; every setter returns the builder. */
    public static final class Builder {
        private final PadesLevel level;
        private DigestAlgorithm digestAlgorithm = DigestAlgorithm.SHA256;
        private List<X509Certificate> certificateChain = List.of();
        private SignatureAppearance appearance = SignatureAppearance.invisible();
        private String fieldName;
        private CertificationPermission certification;
        private FieldLock fieldLock;
        private final List<FieldReservation> reservations = new ArrayList<>();
        private final Map<String, String> fieldValues = new LinkedHashMap<>();
        private String signerName;
        private String reason;
        private String location;
        private String contactInfo;
        private int reservedSize = DEFAULT_RESERVED_SIZE;

        private Builder(PadesLevel level) {
            this.level = Objects.requireNonNull(level, "level");
        }

        public Builder digestAlgorithm(DigestAlgorithm digestAlgorithm) {
            this.digestAlgorithm = Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
            return this;
        }

        public Builder certificateChain(List<X509Certificate> chain) {
            this.certificateChain = List.copyOf(Objects.requireNonNull(chain, "chain"));
            return this;
        }

        public Builder appearance(SignatureAppearance appearance) {
            this.appearance = Objects.requireNonNull(appearance, "appearance");
            return this;
        }

        public Builder fieldName(String fieldName) {
            this.fieldName = fieldName;
            return this;
        }

        /** Makes this a certification signature with a DocMDP transform (ISO 32000-1 §12.8.2.2). */
        public Builder certify(CertificationPermission permission) {
            this.certification = Objects.requireNonNull(permission, "permission");
            return this;
        }

        /** Adds a FieldMDP lock to this approval signature (ISO 32000-1 §12.8.2.4). */
        public Builder lockFields(FieldLock lock) {
            this.fieldLock = Objects.requireNonNull(lock, "lock");
            return this;
        }

        public Builder reserve(FieldReservation reservation) {
            this.reservations.add(Objects.requireNonNull(reservation, "reservation"));
            return this;
        }

        public Builder fillField(String name, String value) {
            this.fieldValues.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder signerName(String signerName) {
            this.signerName = signerName;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder location(String location) {
            this.location = location;
            return this;
        }

        public Builder contactInfo(String contactInfo) {
            this.contactInfo = contactInfo;
            return this;
        }

        public Builder reservedSize(int reservedSize) {
            if (reservedSize < 4096) {
                throw new IllegalArgumentException("reservedSize below 4096 bytes cannot hold a CMS with a certificate");
            }
            this.reservedSize = reservedSize;
            return this;
        }

        public SignatureParameters build() {
            if (certification != null && fieldLock != null) {
                throw new IllegalArgumentException("choose a certification (DocMDP) or a FieldMDP lock, not both");
            }
            return new SignatureParameters(this);
        }
    }
}
