package vn.ccn.dms.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain rule: an entry's hash is SHA-256 over the previous hash and every recorded field, each
 * length-prefixed so that no two different entries serialize alike. Changing any field, removing an
 * entry or reordering entries breaks the link that follows.
 */
public final class AuditHash {

    /** The previous hash of the first entry of every chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String of(AuditEntry e) {
        return compute(e.prevHash(), e.chainKey(), e.seq(), e.occurredAt().toEpochMilli() * 1000
                        + (e.occurredAt().getNano() / 1000) % 1000, e.actor(), e.actorAgency(), e.action(),
                e.objectType(), e.objectId(), e.detail(), e.remoteAddr());
    }

    static String compute(String prevHash, String chainKey, long seq, long epochMicros, String... fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder canonical = new StringBuilder();
            append(canonical, prevHash);
            append(canonical, chainKey);
            append(canonical, Long.toString(seq));
            append(canonical, Long.toString(epochMicros));
            for (String field : fields) {
                append(canonical, field);
            }
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private static void append(StringBuilder out, String value) {
        if (value == null) {
            out.append("-1:");
        } else {
            out.append(value.length()).append(':').append(value);
        }
        out.append('|');
    }
}
