package vn.ccn.dms.search;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSettingsTest {

    @Test
    void defaultsPointAtALocalNode() {
        SearchSettings settings = SearchSettings.from(key -> null);

        assertEquals(List.of(URI.create("http://127.0.0.1:9200")), settings.urls());
        assertEquals("dms-documents", settings.indexPrefix());
        assertNull(settings.apiKey());
        assertNull(settings.caCertificate());
        assertEquals(Duration.ofSeconds(2), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(30), settings.socketTimeout());
    }

    @Test
    void readsEveryKey() {
        Map<String, String> config = Map.of(
                SearchSettings.URLS, " https://es1.example.vn:9200, https://es2.example.vn:9200/ ,",
                SearchSettings.USERNAME, "dms",
                SearchSettings.PASSWORD, "s3cret",
                SearchSettings.CA_CERTIFICATE, "/etc/dms/es-ca.pem",
                SearchSettings.INDEX_PREFIX, "ls-documents",
                SearchSettings.CONNECT_TIMEOUT_MS, "500",
                SearchSettings.SOCKET_TIMEOUT_MS, "10000");

        SearchSettings settings = SearchSettings.from(config::get);

        assertEquals(List.of(URI.create("https://es1.example.vn:9200"), URI.create("https://es2.example.vn:9200")), settings.urls());
        assertEquals("dms", settings.username());
        assertEquals("s3cret", settings.password());
        assertEquals(Path.of("/etc/dms/es-ca.pem"), settings.caCertificate());
        assertEquals("ls-documents", settings.indexPrefix());
        assertEquals(Duration.ofMillis(500), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(10), settings.socketTimeout());
    }

    @Test
    void secretsStayOutOfToString() {
        String withPassword = SearchSettings.from(Map.of(SearchSettings.USERNAME, "dms", SearchSettings.PASSWORD, "s3cret")::get).toString();
        String withKey = SearchSettings.from(Map.of(SearchSettings.API_KEY, "VnVhQ2ZHY0JDZGJrU")::get).toString();

        assertFalse(withPassword.contains("s3cret"), withPassword);
        assertTrue(withPassword.contains("basic:dms"), withPassword);
        assertFalse(withKey.contains("VnVhQ2ZHY0JDZGJrU"), withKey);
    }

    @Test
    void refusesContradictoryOrInvalidValues() {
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.from(
                Map.of(SearchSettings.API_KEY, "k", SearchSettings.USERNAME, "u", SearchSettings.PASSWORD, "p")::get));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.from(Map.of(SearchSettings.USERNAME, "u")::get));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.from(
                Map.of(SearchSettings.URLS, "http://a:9200,https://b:9200")::get));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.from(Map.of(SearchSettings.URLS, "ftp://a:21")::get));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.from(Map.of(SearchSettings.URLS, " , ")::get));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.from(Map.of(SearchSettings.INDEX_PREFIX, "DMS Docs")::get));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.from(Map.of(SearchSettings.SOCKET_TIMEOUT_MS, "soon")::get));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.from(Map.of(SearchSettings.CONNECT_TIMEOUT_MS, "0")::get));
    }
}
