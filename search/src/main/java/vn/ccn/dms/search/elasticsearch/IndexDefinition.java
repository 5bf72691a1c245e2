package vn.ccn.dms.search.elasticsearch;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The settings and mapping of the documents index, kept as reviewable JSON beside this class, and the
 * naming of versioned indexes: {@code <prefix>-v<mapping version>-<UTC timestamp>}. The mapping version
 * changes whenever the JSON changes in a way that needs a rebuild; the alias keeps the prefix alone.
 */
final class IndexDefinition {

    /** Raise together with a new {@code documents-index-vN.json} when the mapping or analysis changes. */
    static final int MAPPING_VERSION = 1;
    private static final String RESOURCE = "documents-index-v" + MAPPING_VERSION + ".json";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final JsonObject definition;

    IndexDefinition() {
        try (InputStream in = IndexDefinition.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            try (JsonReader reader = Json.createReader(in)) {
                definition = reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String indexName(String prefix, Clock clock) {
        return prefix + "-v" + MAPPING_VERSION + "-" + STAMP.format(clock.instant()).toLowerCase(Locale.ROOT);
    }

    /** Pattern matching every versioned index of the prefix, whatever its mapping version. */
    static String allVersionsPattern(String prefix) {
        return prefix + "-v*";
    }

    static boolean isVersionedIndexOf(String prefix, String indexName) {
        return indexName.startsWith(prefix + "-v") && indexName.length() > prefix.length() + 2;
    }

    static boolean isCurrentMappingVersion(String prefix, String indexName) {
        return indexName.startsWith(prefix + "-v" + MAPPING_VERSION + "-");
    }

    /**
     * The create-index body.
     *
     * @param alias          alias to add as write index in the same request, or {@code null}
     * @param refreshEnabled {@code false} while bulk loading a rebuild target
     */
    String createBody(String alias, boolean refreshEnabled) {
        JsonObject settings = definition.getJsonObject("settings");
        JsonObject index = settings.getJsonObject("index");
        var indexBuilder = Json.createObjectBuilder(index);
        if (!refreshEnabled) {
            indexBuilder.add("refresh_interval", "-1");
        }
        var body = Json.createObjectBuilder(definition)
                .add("settings", Json.createObjectBuilder(settings).add("index", indexBuilder));
        if (alias != null) {
            body.add("aliases", Json.createObjectBuilder()
                    .add(alias, Json.createObjectBuilder().add("is_write_index", true)));
        }
        return body.build().toString();
    }
}
