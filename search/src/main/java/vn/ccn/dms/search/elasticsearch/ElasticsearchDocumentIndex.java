package vn.ccn.dms.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.SimpleJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import vn.ccn.dms.search.BulkItemResult;
import vn.ccn.dms.search.BulkResult;
import vn.ccn.dms.search.DocumentIndex;
import vn.ccn.dms.search.FacetBucket;
import vn.ccn.dms.search.FacetField;
import vn.ccn.dms.search.IndexHealth;
import vn.ccn.dms.search.IndexedDocument;
import vn.ccn.dms.search.SearchHit;
import vn.ccn.dms.search.SearchIndexException;
import vn.ccn.dms.search.SearchPage;
import vn.ccn.dms.search.SearchQuery;
import vn.ccn.dms.search.SearchSettings;
import vn.ccn.dms.search.SearchUnavailableException;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link DocumentIndex} on Elasticsearch 8 (or 9, through REST compatibility) with the official Java
 * client. Thread-safe; create one per application and {@link #close()} it on shutdown.
 *
 * <p>JSON goes through Jakarta JSON Processing ({@link SimpleJsonpMapper} and {@link JsonObject} sources),
 * so no Jackson reaches the application server's class path.
 */
public final class ElasticsearchDocumentIndex implements DocumentIndex, AutoCloseable {

    /**
     * Bulk requests are cut at this size: well below the server's default {@code http.max_content_length}
     * (100 MB) and small enough to keep heap use on both sides modest.
     */
    static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;
    /** A single document above this is refused before sending; the extraction limits should prevent it. */
    static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    private final RestClientTransport transport;
    private final ElasticsearchClient client;
    private final String alias;
    private final Clock clock;
    private final IndexDefinition definition = new IndexDefinition();

    public ElasticsearchDocumentIndex(SearchSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alias = settings.indexPrefix();
        this.transport = new RestClientTransport(RestClients.create(settings), new SimpleJsonpMapper());
        this.client = new ElasticsearchClient(transport);
    }

    /** The alias searches and writes go through (the configured index prefix). */
    public String alias() {
        return alias;
    }

    @Override
    public String ensureIndex() {
        List<String> current = aliasTargets();
        if (!current.isEmpty()) {
            return current.get(0);
        }
        String name = uniqueNextName();
        try {
            createIndex(name, alias, true);
            return name;
        } catch (SearchIndexException e) {
            // Another node may have won the race to create the first index: the alias has one write index only.
            List<String> winner = aliasTargets();
            if (!winner.isEmpty()) {
                if (!winner.contains(name) && indexExistsNow(name)) {
                    deleteIndexes(List.of(name)); // ours, created but refused the alias
                }
                return winner.get(0);
            }
            throw e;
        }
    }

    @Override
    public BulkResult bulkIndex(List<IndexedDocument> documents) {
        return bulkIndex(alias, documents);
    }

    @Override
    public BulkResult bulkIndex(String indexName, List<IndexedDocument> documents) {
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(documents, "documents");
        if (!indexName.equals(alias) && !IndexDefinition.isVersionedIndexOf(alias, indexName)) {
            throw new IllegalArgumentException("not an index of " + alias + ": " + indexName);
        }
        if (documents.isEmpty()) {
            return new BulkResult(List.of(), Duration.ZERO);
        }
        if (!indexName.equals(alias) && !indexExistsNow(indexName)) {
            // Writing would auto-create it with guessed mappings instead of ours.
            throw new IllegalStateException("index " + indexName + " does not exist; create it with createNextIndex()");
        }
        BulkItemResult[] results = new BulkItemResult[documents.size()];
        long took = 0;
        List<Integer> chunk = new ArrayList<>();
        long chunkBytes = 0;
        for (int i = 0; i < documents.size(); i++) {
            long bytes = estimatedJsonBytes(documents.get(i));
            if (bytes > MAX_DOCUMENT_BYTES) {
                results[i] = new BulkItemResult(documents.get(i).id(), BulkItemResult.Outcome.PERMANENT_FAILURE,
                        "document too large: about " + bytes / (1024 * 1024) + " MiB of JSON, limit "
                                + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB; shorten the extracted text");
                continue;
            }
            if (!chunk.isEmpty() && chunkBytes + bytes > MAX_REQUEST_BYTES) {
                took += sendBulk(indexName, documents, chunk, results);
                chunk.clear();
                chunkBytes = 0;
            }
            chunk.add(i);
            chunkBytes += bytes;
        }
        if (!chunk.isEmpty()) {
            took += sendBulk(indexName, documents, chunk, results);
        }
        return new BulkResult(List.of(results), Duration.ofMillis(took));
    }

    /**
     * One bulk request for the documents at the given positions; fills their results.
     *
     * @return the time the cluster reported
     */
    private long sendBulk(String indexName, List<IndexedDocument> documents, List<Integer> positions, BulkItemResult[] results) {
        BulkRequest.Builder request = new BulkRequest.Builder().index(indexName);
        if (indexName.equals(alias)) {
            // Without the alias (ensureIndex not run yet) Elasticsearch would auto-create a concrete index
            // under the alias name with guessed mappings, and the alias could never be created afterwards.
            request.requireAlias(true);
        }
        for (int position : positions) {
            IndexedDocument document = documents.get(position);
            JsonObject source = DocumentJson.of(document);
            request.operations(op -> op.index(i -> i.id(document.id()).document(source)));
        }
        BulkResponse response = call("bulk index into " + indexName, () -> client.bulk(request.build()));
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < positions.size(); i++) {
            int position = positions.get(i);
            results[position] = itemResult(documents.get(position).id(), items.get(i));
        }
        return response.took();
    }

    /**
     * Upper estimate of a document's JSON size: Vietnamese text is mostly 1-3 bytes per character in UTF-8,
     * and escapes are rare; a little per field for names and punctuation.
     */
    static long estimatedJsonBytes(IndexedDocument d) {
        long chars = 0;
        for (String text : new String[] {d.id(), d.versionId(), d.numberSymbol(), d.type(), d.typeName(), d.issuer(),
                d.agencyCode(), d.secrecy(), d.dossierCode(), d.ccn(), d.status(), d.summary(), d.content()}) {
            chars += text == null ? 0 : text.length();
        }
        for (String reader : d.readers()) {
            chars += reader.length() + 3;
        }
        return chars * 3 + 400;
    }

    private static BulkItemResult itemResult(String documentId, BulkResponseItem item) {
        ErrorCause error = item.error();
        if (error == null) {
            return new BulkItemResult(documentId, BulkItemResult.Outcome.INDEXED, null);
        }
        String reason = error.type() + ": " + error.reason();
        // 429: queue full; 5xx: shard unavailable or node trouble; a missing alias is an operational state that
        // ensureIndex() repairs. Anything else is about the document itself.
        boolean retryable = item.status() == 429 || item.status() >= 500 || "index_not_found_exception".equals(error.type());
        return new BulkItemResult(documentId,
                retryable ? BulkItemResult.Outcome.RETRYABLE_FAILURE : BulkItemResult.Outcome.PERMANENT_FAILURE, reason);
    }

    @Override
    public boolean delete(String documentId) {
        Objects.requireNonNull(documentId, "documentId");
        return call("delete " + documentId, () -> client.delete(d -> d.index(alias).id(documentId))).result() == Result.Deleted;
    }

    @Override
    public SearchPage search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        // Hits and counts in one multi-search: the page of hits can skip non-competitive documents, the counts
        // need no scores and are cached by the shard request cache; the cluster runs both side by side.
        MsearchResponse<JsonData> response = call("search", () -> client.msearch(m -> m
                .searches(s -> s.header(h -> h.index(alias)).body(SearchRequests.hits(query)))
                .searches(s -> s.header(h -> h.index(alias)).body(SearchRequests.counts(query))), JsonData.class));
        MultiSearchResponseItem<JsonData> hitsItem = response.responses().get(0);
        MultiSearchResponseItem<JsonData> countsItem = response.responses().get(1);
        for (MultiSearchResponseItem<JsonData> item : List.of(hitsItem, countsItem)) {
            if (item.isFailure()) {
                ErrorCause error = item.failure().error();
                int status = item.failure().status();
                String what = "search failed: HTTP " + status + " " + error.type() + ": " + error.reason();
                if (status == 429 || status == 502 || status == 503 || status == 504) {
                    throw new SearchUnavailableException(what, null);
                }
                throw new SearchIndexException(what);
            }
        }
        var hitsResult = hitsItem.result();
        var countsResult = countsItem.result();
        List<SearchHit> hits = hitsResult.hits().hits().stream().map(ElasticsearchDocumentIndex::hit).toList();
        Map<FacetField, List<FacetBucket>> facets = new EnumMap<>(FacetField.class);
        for (FacetField field : FacetField.values()) {
            Aggregate values = countsResult.aggregations().get(field.name()).filter().aggregations().get(SearchRequests.FACET_VALUES);
            facets.put(field, buckets(values));
        }
        long total = countsResult.hits().total() == null ? hits.size() : countsResult.hits().total().value();
        return new SearchPage(total, query.page(), query.size(), hits, facets,
                Duration.ofMillis(Math.max(hitsResult.took(), countsResult.took())));
    }

    private static SearchHit hit(Hit<JsonData> hit) {
        JsonObject source = hit.source() == null ? JsonValue.EMPTY_JSON_OBJECT : hit.source().toJson().asJsonObject();
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        hit.highlight().forEach((field, snippets) -> highlights.put(field.replace(".text", ""), List.copyOf(snippets)));
        String date = string(source, "date");
        return new SearchHit(hit.id(), string(source, "versionId"), hit.score(), string(source, "numberSymbol"),
                string(source, "typeName"), string(source, "issuer"), date == null ? null : LocalDate.parse(date),
                string(source, "summary"), highlights);
    }

    private static String string(JsonObject source, String field) {
        JsonValue value = source.get(field);
        return value instanceof JsonString s ? s.getString() : null;
    }

    private static List<FacetBucket> buckets(Aggregate values) {
        if (values.isSterms()) {
            return values.sterms().buckets().array().stream()
                    .map(b -> new FacetBucket(b.key().stringValue(), b.docCount())).toList();
        }
        if (values.isLterms()) {
            return values.lterms().buckets().array().stream()
                    .map(b -> new FacetBucket(Long.toString(b.key()), b.docCount())).toList();
        }
        // An index without any value of the field answers with "unmapped terms".
        return List.of();
    }

    @Override
    public String createNextIndex() {
        String name = uniqueNextName();
        createIndex(name, null, false);
        return name;
    }

    @Override
    public void switchAlias(String newIndex) {
        Objects.requireNonNull(newIndex, "newIndex");
        if (!IndexDefinition.isVersionedIndexOf(alias, newIndex)) {
            throw new IllegalArgumentException("not an index of " + alias + ": " + newIndex);
        }
        call("enable refresh of " + newIndex, () -> client.indices().putSettings(p -> p
                .index(newIndex).settings(s -> s.refreshInterval(Time.of(t -> t.time("1s"))))));
        call("refresh " + newIndex, () -> client.indices().refresh(r -> r.index(newIndex)));
        HealthResponse health = call("wait for " + newIndex, () -> client.cluster().health(h -> h
                .index(newIndex).waitForStatus(HealthStatus.Yellow).timeout(Time.of(t -> t.time("30s")))));
        if (health.timedOut()) {
            throw new SearchIndexException("index " + newIndex + " did not become searchable within 30 s");
        }
        List<String> previous = aliasTargets();
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(a -> a.add(add -> add.index(newIndex).alias(alias).isWriteIndex(true))));
        for (String old : previous) {
            if (!old.equals(newIndex)) {
                actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias))));
            }
        }
        // One request, applied atomically: searches see either the old index or the new one, never neither.
        call("switch alias " + alias + " to " + newIndex, () -> client.indices().updateAliases(u -> u.actions(actions)));
        List<String> stale = call("list indexes of " + alias, () -> client.indices()
                .get(g -> g.index(IndexDefinition.allVersionsPattern(alias)))).result().keySet().stream()
                .filter(name -> !name.equals(newIndex) && IndexDefinition.isVersionedIndexOf(alias, name))
                .toList();
        deleteIndexes(stale);
    }

    @Override
    public void discardIndex(String indexName) {
        Objects.requireNonNull(indexName, "indexName");
        if (!IndexDefinition.isVersionedIndexOf(alias, indexName)) {
            throw new IllegalArgumentException("not an index of " + alias + ": " + indexName);
        }
        if (aliasTargets().contains(indexName)) {
            throw new IllegalStateException("index " + indexName + " is live behind " + alias + "; switch the alias first");
        }
        if (indexExistsNow(indexName)) {
            deleteIndexes(List.of(indexName));
        }
    }

    @Override
    public void refresh() {
        call("refresh " + alias, () -> client.indices().refresh(r -> r.index(alias)));
    }

    @Override
    public IndexHealth health() {
        try {
            List<String> targets = aliasTargets();
            if (targets.isEmpty()) {
                return new IndexHealth(IndexHealth.Status.INDEX_MISSING, alias, null, -1, "alias " + alias + " does not exist");
            }
            String index = targets.get(0);
            HealthResponse health = client.cluster().health(h -> h.index(alias));
            long count = client.count(c -> c.index(alias)).count();
            IndexHealth.Status status = switch (health.status()) {
                case Green -> IndexHealth.Status.GREEN;
                case Yellow -> IndexHealth.Status.YELLOW;
                default -> IndexHealth.Status.RED;
            };
            String detail = status == IndexHealth.Status.GREEN ? "" : health.unassignedShards() + " shard(s) unassigned";
            if (!IndexDefinition.isCurrentMappingVersion(alias, index)) {
                detail = (detail.isEmpty() ? "" : detail + "; ") + "index " + index + " predates mapping v"
                        + IndexDefinition.MAPPING_VERSION + ": rebuild it";
            }
            return new IndexHealth(status, alias, index, count, detail);
        } catch (IOException | RuntimeException e) {
            return new IndexHealth(IndexHealth.Status.UNAVAILABLE, alias, null, -1, describe(e));
        }
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new SearchUnavailableException("closing the Elasticsearch client failed", e);
        }
    }

    private List<String> aliasTargets() {
        boolean exists = call("check alias " + alias, () -> client.indices().existsAlias(e -> e.name(alias))).value();
        if (!exists) {
            return List.of();
        }
        return call("read alias " + alias, () -> client.indices().getAlias(g -> g.name(alias))).result().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                // The write index first: that is the live one if a switch was interrupted half-way.
                .sorted((a, b) -> Boolean.compare(isWriteIndex(b.getValue()), isWriteIndex(a.getValue())))
                .map(Map.Entry::getKey)
                .toList();
    }

    private boolean isWriteIndex(co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases aliases) {
        var definition = aliases.aliases().get(alias);
        return definition != null && Boolean.TRUE.equals(definition.isWriteIndex());
    }

    private String uniqueNextName() {
        String name = IndexDefinition.indexName(alias, clock);
        for (int attempt = 2; call("check index " + name, indexExists(name)); attempt++) {
            name = IndexDefinition.indexName(alias, clock) + "-" + attempt;
        }
        return name;
    }

    private boolean indexExistsNow(String name) {
        return call("check index " + name, indexExists(name));
    }

    private IoCall<Boolean> indexExists(String name) {
        return () -> client.indices().exists(e -> e.index(name)).value();
    }

    private void createIndex(String name, String withAlias, boolean refreshEnabled) {
        String body = definition.createBody(withAlias, refreshEnabled);
        call("create index " + name, () -> client.indices().create(c -> c.index(name).withJson(new StringReader(body))));
    }

    private void deleteIndexes(List<String> names) {
        if (!names.isEmpty()) {
            // Explicit names: wildcard deletes are refused by default (action.destructive_requires_name).
            call("delete indexes " + names, () -> client.indices().delete(d -> d.index(names)));
        }
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T run() throws IOException;
    }

    private static <T> T call(String what, IoCall<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            int status = e.status();
            if (status == 429 || status == 502 || status == 503 || status == 504) {
                throw new SearchUnavailableException(what + " failed: " + describe(e), e);
            }
            throw new SearchIndexException(what + " failed: " + describe(e), e);
        } catch (IOException e) {
            throw new SearchUnavailableException(what + " failed: " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof ElasticsearchException es && es.error() != null) {
            ErrorCause error = es.error();
            return "HTTP " + es.status() + " " + error.type() + ": " + error.reason();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
