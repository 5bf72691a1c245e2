package vn.ccn.dms.search;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where the search cluster is and how to log in to it, read from MicroProfile Config style keys (the
 * environment form upper-cases and replaces dots and dashes with underscores: {@code DMS_SEARCH_URLS}).
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><td>{@value #URLS}</td><td>comma-separated node URLs, all http or all https; default {@code http://127.0.0.1:9200}</td></tr>
 * <tr><td>{@value #API_KEY}</td><td>encoded API key (the {@code encoded} value Elasticsearch returns); excludes user/password</td></tr>
 * <tr><td>{@value #USERNAME}, {@value #PASSWORD}</td><td>basic authentication</td></tr>
 * <tr><td>{@value #CA_CERTIFICATE}</td><td>PEM file of the CA(s) to trust for https; default: the JVM's trust store</td></tr>
 * <tr><td>{@value #INDEX_PREFIX}</td><td>alias name and prefix of index names; default {@code dms-documents}</td></tr>
 * <tr><td>{@value #CONNECT_TIMEOUT_MS}</td><td>default 2000</td></tr>
 * <tr><td>{@value #SOCKET_TIMEOUT_MS}</td><td>default 30000</td></tr>
 * </table>
 *
 * <p>Secrets never appear in {@link #toString()}.
 */
public record SearchSettings(List<URI> urls, String apiKey, String username, String password, Path caCertificate,
        String indexPrefix, Duration connectTimeout, Duration socketTimeout) {

    public static final String URLS = "dms.search.urls";
    public static final String API_KEY = "dms.search.api-key";
    public static final String USERNAME = "dms.search.username";
    public static final String PASSWORD = "dms.search.password";
    public static final String CA_CERTIFICATE = "dms.search.ca-certificate";
    public static final String INDEX_PREFIX = "dms.search.index-prefix";
    public static final String CONNECT_TIMEOUT_MS = "dms.search.connect-timeout-ms";
    public static final String SOCKET_TIMEOUT_MS = "dms.search.socket-timeout-ms";

    public static final String DEFAULT_URLS = "http://127.0.0.1:9200";
    public static final String DEFAULT_INDEX_PREFIX = "dms-documents";

    /** Elasticsearch index names: lowercase, no {@code \ / * ? " < > | , # :} or spaces, not starting with {@code - _ +}. */
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public SearchSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(URLS + " must name at least one node");
        }
        for (URI url : urls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException(URLS + " must hold http(s)://host:port URLs, was " + url);
            }
        }
        if (urls.stream().map(URI::getScheme).distinct().count() > 1) {
            throw new IllegalArgumentException(URLS + " must be all http or all https");
        }
        apiKey = blankToNull(apiKey);
        username = blankToNull(username);
        password = blankToNull(password);
        if (apiKey != null && (username != null || password != null)) {
            throw new IllegalArgumentException("give either " + API_KEY + " or " + USERNAME + "/" + PASSWORD + ", not both");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException(USERNAME + " and " + PASSWORD + " go together");
        }
        Objects.requireNonNull(indexPrefix, "indexPrefix");
        if (!INDEX_NAME.matcher(indexPrefix).matches()) {
            throw new IllegalArgumentException(INDEX_PREFIX + " must be a lowercase index name, was '" + indexPrefix + "'");
        }
        requirePositive(connectTimeout, CONNECT_TIMEOUT_MS);
        requirePositive(socketTimeout, SOCKET_TIMEOUT_MS);
    }

    /**
     * @param lookup the configured value of a key, or {@code null} (or blank) when it is not set
     */
    public static SearchSettings from(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        Function<String, String> value = key -> blankToNull(lookup.apply(key));
        String urls = Objects.requireNonNullElse(value.apply(URLS), DEFAULT_URLS);
        String ca = value.apply(CA_CERTIFICATE);
        return new SearchSettings(
                Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(SearchSettings::uri).toList(),
                value.apply(API_KEY),
                value.apply(USERNAME),
                value.apply(PASSWORD),
                ca == null ? null : Path.of(ca),
                Objects.requireNonNullElse(value.apply(INDEX_PREFIX), DEFAULT_INDEX_PREFIX),
                millis(value.apply(CONNECT_TIMEOUT_MS), CONNECT_TIMEOUT_MS, 2_000),
                millis(value.apply(SOCKET_TIMEOUT_MS), SOCKET_TIMEOUT_MS, 30_000));
    }

    /** Settings for a node at one URL without authentication (development, tests). */
    public static SearchSettings forUrl(String url, String indexPrefix) {
        return new SearchSettings(List.of(uri(url)), null, null, null, null, indexPrefix, Duration.ofSeconds(2),
                Duration.ofSeconds(30));
    }

    private static URI uri(String raw) {
        try {
            return URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URLS + " holds an invalid URL: " + raw, e);
        }
    }

    private static Duration millis(String raw, String key, long defaultMillis) {
        if (raw == null) {
            return Duration.ofMillis(defaultMillis);
        }
        try {
            return Duration.ofMillis(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of milliseconds, was '" + raw + "'", e);
        }
    }

    private static void requirePositive(Duration duration, String key) {
        Objects.requireNonNull(duration, key);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "SearchSettings[urls=" + urls + ", auth=" + (apiKey != null ? "api-key" : username != null ? "basic:" + username : "none")
                + ", caCertificate=" + caCertificate + ", indexPrefix=" + indexPrefix + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + "]";
    }
}
