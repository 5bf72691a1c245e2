package vn.ccn.dms.signature.application;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ccn.dms.pades.PadesLevel;

/**
 * The signing feature's settings, read through MicroProfile Config under {@code dms.signature.*} (environment
 * variables {@code DMS_SIGNATURE_*}). Immutable and validated; built from any lookup so unit tests need no
 * container. Keys and defaults are listed in docs/signing.md.
 */
public final class SignatureSettings {

    public static final String LEVEL = "dms.signature.level";
    public static final String TSA_URL = "dms.signature.tsa.url";
    public static final String TSA_FALLBACK_URLS = "dms.signature.tsa.fallback-urls";
    public static final String TSA_TIMEOUT = "dms.signature.tsa.timeout-seconds";
    public static final String REVOCATION_ONLINE = "dms.signature.revocation.online";
    public static final String REVOCATION_TIMEOUT = "dms.signature.revocation.timeout-seconds";
    public static final String REVOCATION_REQUIRED = "dms.signature.revocation.require-before-signing";
    public static final String TRUST_ANCHORS = "dms.signature.trust-anchors";
    public static final String PKCS11_LIBRARIES = "dms.signature.pkcs11.allowed-libraries";
    public static final String PKCS12_DIRECTORY = "dms.signature.pkcs12.directory";
    public static final String BATCH_MAX = "dms.signature.batch.max-size";
    public static final String BATCH_PARALLELISM = "dms.signature.batch.parallelism";
    public static final String SESSION_MINUTES = "dms.signature.external.session-minutes";
    public static final String VALIDATION_POLL = "dms.signature.validation.poll-seconds";
    public static final String TOKEN_WAIT = "dms.signature.token.wait-seconds";
    public static final String VALIDATION_NICE = "dms.signature.validation.nice";

    private final PadesLevel level;
    private final Optional<URI> tsaUrl;
    private final List<URI> tsaFallbackUrls;
    private final Duration tsaTimeout;
    private final boolean revocationOnline;
    private final Duration revocationTimeout;
    private final boolean revocationRequired;
    private final Optional<Path> trustAnchors;
    private final Set<Path> pkcs11Libraries;
    private final Optional<Path> pkcs12Directory;
    private final int batchMax;
    private final int batchParallelism;
    private final Duration sessionLifetime;
    private final Duration validationPoll;
    private final Duration tokenWait;
    private final int validationNice;

    private SignatureSettings(Function<String, String> lookup) {
        this.level = parseLevel(get(lookup, LEVEL, "B-LT"));
        this.tsaUrl = optional(lookup, TSA_URL).map(URI::create);
        this.tsaFallbackUrls = list(get(lookup, TSA_FALLBACK_URLS, "")).stream().map(URI::create).toList();
        this.tsaTimeout = Duration.ofSeconds(positive(lookup, TSA_TIMEOUT, "10"));
        this.revocationOnline = Boolean.parseBoolean(get(lookup, REVOCATION_ONLINE, "true"));
        this.revocationTimeout = Duration.ofSeconds(positive(lookup, REVOCATION_TIMEOUT, "10"));
        this.revocationRequired = Boolean.parseBoolean(get(lookup, REVOCATION_REQUIRED, "true"));
        this.trustAnchors = optional(lookup, TRUST_ANCHORS).map(Path::of);
        this.pkcs11Libraries = list(get(lookup, PKCS11_LIBRARIES, "")).stream().map(Path::of)
                .map(Path::toAbsolutePath).map(Path::normalize).collect(Collectors.toUnmodifiableSet());
        this.pkcs12Directory = optional(lookup, PKCS12_DIRECTORY).map(Path::of).map(Path::toAbsolutePath).map(Path::normalize);
        this.batchMax = (int) positive(lookup, BATCH_MAX, "100");
        this.batchParallelism = (int) Math.min(16, positive(lookup, BATCH_PARALLELISM, "2"));
        this.sessionLifetime = Duration.ofMinutes(positive(lookup, SESSION_MINUTES, "15"));
        this.validationPoll = Duration.ofSeconds(positive(lookup, VALIDATION_POLL, "2"));
        this.tokenWait = Duration.ofSeconds(positive(lookup, TOKEN_WAIT, "60"));
        this.validationNice = niceValue(get(lookup, VALIDATION_NICE, "19"));
        if (level.atLeast(PadesLevel.B_T) && tsaUrl.isEmpty()) {
            // No silent downgrade: a B-T or higher level without a TSA is a configuration error, reported at signing.
            java.util.logging.Logger.getLogger(SignatureSettings.class.getName()).warning(
                    LEVEL + "=" + level + " needs " + TSA_URL + "; signing will be refused until it is set");
        }
    }

    /** @param lookup the configured value of a key, or null when unset */
    public static SignatureSettings from(Function<String, String> lookup) {
        return new SignatureSettings(Objects.requireNonNull(lookup, "lookup"));
    }

    static PadesLevel parseLevel(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!t.startsWith("B_")) {
            t = "B_" + t;
        }
        try {
            return PadesLevel.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LEVEL + " must be B-B, B-T, B-LT or B-LTA, was " + text, e);
        }
    }

    private static String get(Function<String, String> lookup, String key, String fallback) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static Optional<String> optional(Function<String, String> lookup, String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static long positive(Function<String, String> lookup, String key, String fallback) {
        String raw = get(lookup, key, fallback);
        try {
            long v = Long.parseLong(raw);
            if (v <= 0) {
                throw new IllegalArgumentException(key + " must be positive, was " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was " + raw, e);
        }
    }

    private static int niceValue(String raw) {
        try {
            int v = Integer.parseInt(raw);
            if (v < 0 || v > 19) {
                throw new IllegalArgumentException(VALIDATION_NICE + " must be 0..19, was " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(VALIDATION_NICE + " must be a whole number 0..19, was " + raw, e);
        }
    }

    private static List<String> list(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public PadesLevel level() {
        return level;
    }

    public Optional<URI> tsaUrl() {
        return tsaUrl;
    }

    public List<URI> tsaFallbackUrls() {
        return tsaFallbackUrls;
    }

    public Duration tsaTimeout() {
        return tsaTimeout;
    }

    public boolean revocationOnline() {
        return revocationOnline;
    }

    public Duration revocationTimeout() {
        return revocationTimeout;
    }

    public boolean revocationRequired() {
        return revocationRequired;
    }

    public Optional<Path> trustAnchors() {
        return trustAnchors;
    }

    public Set<Path> pkcs11Libraries() {
        return pkcs11Libraries;
    }

    public Optional<Path> pkcs12Directory() {
        return pkcs12Directory;
    }

    public int batchMax() {
        return batchMax;
    }

    /** How many documents of one batch are signed at the same time (one login; the token serves several sessions). */
    public int batchParallelism() {
        return batchParallelism;
    }

    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    public Duration validationPoll() {
        return validationPoll;
    }

    public Duration tokenWait() {
        return tokenWait;
    }

    /**
     * Nice value of the thread that validates the signatures of received files (0: the server's priority). Validation
     * parses every received PDF; at a lower priority a burst of uploads is received first and validated after.
     */
    public int validationNice() {
        return validationNice;
    }
}
