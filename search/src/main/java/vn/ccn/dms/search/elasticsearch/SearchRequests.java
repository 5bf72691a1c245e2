package vn.ccn.dms.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import vn.ccn.dms.search.FacetField;
import vn.ccn.dms.search.NumberSymbols;
import vn.ccn.dms.search.SearchQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a {@link SearchQuery} into the two bodies of one Elasticsearch multi-search: the page of hits and
 * the counts (total and facets).
 *
 * <p>Security trimming: the {@code terms} filter on {@code readers} sits in the main query, never in the
 * {@code post_filter}; hits, totals, every facet count and every snippet are computed from documents that
 * passed it, in both bodies. Facet filters go in the {@code post_filter} and in each facet's own {@code filter}
 * aggregation (minus that facet's filter), so a facet still shows the alternatives a user can add.
 *
 * <p>Free text uses {@code simple_query_string}, which never fails on syntax (unlike
 * {@code query_string}, whose parser throws on a lone {@code (} and accepts field, wildcard and regex
 * syntax a user should not have); prefix, fuzzy and slop operators are switched off so no input expands
 * into an expensive query.
 */
final class SearchRequests {

    static final String FACET_VALUES = "values";
    static final List<String> SOURCE_FIELDS = List.of("versionId", "numberSymbol", "typeName", "issuer", "date", "summary");

    /** Searched fields and their weights: the subject line and the number/symbol say most about a document. */
    private static final List<String> TEXT_FIELDS =
            List.of("summary^3", "numberSymbol.text^3", "typeName^1.5", "issuer.text", "content");

    /** Up to three words all must match; with more, a quarter may be missing (long pasted sentences). */
    private static final String MINIMUM_SHOULD_MATCH = "3<75%";

    /** An exact number/symbol hit outranks any text match. */
    private static final float NUMBER_SYMBOL_BOOST = 50f;

    /** Highlighting reads at most this many characters of a field, so a huge text cannot make a search fail. */
    private static final int MAX_ANALYZED_OFFSET = 1_000_000;

    private SearchRequests() {
    }

    /**
     * The page of hits: scored, highlighted, without counting every match ({@code track_total_hits: false} lets
     * Lucene skip blocks that cannot reach the top) and without facets. Sent beside {@link #counts} in one
     * multi-search, which the cluster runs in parallel.
     */
    static MultisearchBody hits(SearchQuery query) {
        MultisearchBody.Builder body = new MultisearchBody.Builder()
                .query(mainQuery(query))
                .trackTotalHits(t -> t.enabled(false))
                .from(query.page() * query.size())
                .size(query.size())
                .source(s -> s.filter(f -> f.includes(SOURCE_FIELDS)))
                .sort(sort(query));
        if (query.sort() != vn.ccn.dms.search.SearchSort.RELEVANCE && !query.text().isEmpty()) {
            body.trackScores(true);
        }
        List<Query> facetFilters = facetFilters(query.filters(), null);
        if (!facetFilters.isEmpty()) {
            body.postFilter(q -> q.bool(b -> b.filter(facetFilters)));
        }
        if (query.highlight() && !query.text().isEmpty()) {
            body.highlight(highlight());
        }
        return body.build();
    }

    /**
     * The exact total and the facet counts: the same query in filter context (no scoring), {@code size: 0}, so the
     * shard request cache keeps the answer until the index next changes. The security filter is inside the query
     * here too; the facet post-filter narrows the total exactly as it narrows the hits.
     */
    static MultisearchBody counts(SearchQuery query) {
        MultisearchBody.Builder body = new MultisearchBody.Builder()
                .query(q -> q.bool(b -> b.filter(mainQuery(query))))
                .trackTotalHits(t -> t.enabled(true))
                .size(0)
                .aggregations(facetAggregations(query));
        List<Query> facetFilters = facetFilters(query.filters(), null);
        if (!facetFilters.isEmpty()) {
            body.postFilter(q -> q.bool(b -> b.filter(facetFilters)));
        }
        return body.build();
    }

    private static Map<String, Aggregation> facetAggregations(SearchQuery query) {
        Map<String, Aggregation> aggregations = new java.util.LinkedHashMap<>();
        for (FacetField field : FacetField.values()) {
            List<Query> others = facetFilters(query.filters(), field);
            aggregations.put(field.name(), Aggregation.of(a -> a
                    .filter(others.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : Query.of(q -> q.bool(b -> b.filter(others))))
                    .aggregations(FACET_VALUES, sub -> sub.terms(t -> t.field(field.indexField()).size(query.facetSize())))));
        }
        return aggregations;
    }

    private static Query mainQuery(SearchQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        List<FieldValue> readers = query.readers().stream().sorted().map(FieldValue::of).toList();
        bool.filter(f -> f.terms(t -> t.field("readers").terms(v -> v.value(readers))));
        if (query.dateFrom() != null || query.dateTo() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("date");
                if (query.dateFrom() != null) {
                    d.gte(query.dateFrom().toString());
                }
                if (query.dateTo() != null) {
                    d.lte(query.dateTo().toString());
                }
                return d;
            })));
        }
        if (!query.text().isEmpty()) {
            bool.must(textQuery(query.text()));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    static Query textQuery(String text) {
        if (NumberSymbols.looksLikeNumberSymbol(text)) {
            String compact = NumberSymbols.normalize(text);
            // The exact number/symbol first, then documents that cite it (as a phrase, not loose words).
            return Query.of(q -> q.bool(b -> b
                    .should(s -> s.term(t -> t.field("numberSymbol").value(compact).boost(NUMBER_SYMBOL_BOOST)))
                    .should(s -> s.simpleQueryString(simple("\"" + compact + "\"")))
                    .minimumShouldMatch("1")));
        }
        List<String> embedded = NumberSymbols.findIn(text);
        if (embedded.isEmpty()) {
            return Query.of(q -> q.simpleQueryString(simple(text)));
        }
        // "quyết định 09/2025/QĐ-UBND": the words decide what matches, the number/symbol lifts its document.
        BoolQuery.Builder bool = new BoolQuery.Builder().must(m -> m.simpleQueryString(simple(text)));
        for (String numberSymbol : embedded) {
            bool.should(s -> s.term(t -> t.field("numberSymbol").value(numberSymbol).boost(NUMBER_SYMBOL_BOOST)));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringQuery simple(String text) {
        return co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringQuery.of(s -> s
                .query(text)
                .fields(TEXT_FIELDS)
                .defaultOperator(Operator.Or)
                .minimumShouldMatch(MINIMUM_SHOULD_MATCH)
                .flags(SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not,
                        SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Precedence, SimpleQueryStringFlag.Whitespace,
                        SimpleQueryStringFlag.Escape)
                .lenient(true));
    }

    private static List<Query> facetFilters(Map<FacetField, Set<String>> filters, FacetField except) {
        List<Query> queries = new ArrayList<>();
        filters.forEach((field, values) -> {
            if (field != except) {
                List<FieldValue> terms = values.stream().sorted().map(FieldValue::of).toList();
                queries.add(Query.of(q -> q.terms(t -> t.field(field.indexField()).terms(v -> v.value(terms)))));
            }
        });
        return queries;
    }

    private static List<SortOptions> sort(SearchQuery query) {
        SortOptions byScore = SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)));
        SortOptions byId = SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
        return switch (query.sort()) {
            // Free text by relevance: the score alone (ties in index order), so that Lucene collects the top hits
            // with block-max WAND and skips what cannot reach them; a second sort key turns that off and makes every
            // match be scored (docs/benchmarks-search.md). Without text every score is equal: the id orders them.
            case RELEVANCE -> query.text().isEmpty() ? List.of(byScore, byId) : List.of(byScore);
            case DATE_NEWEST_FIRST -> List.of(byDate(SortOrder.Desc), byScore, byId);
            case DATE_OLDEST_FIRST -> List.of(byDate(SortOrder.Asc), byScore, byId);
        };
    }

    private static SortOptions byDate(SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field("date").order(order).missing("_last")));
    }

    private static Highlight highlight() {
        return Highlight.of(h -> h
                .encoder(HighlighterEncoder.Html)
                .preTags("<mark>")
                .postTags("</mark>")
                .maxAnalyzedOffset(MAX_ANALYZED_OFFSET)
                .fields("summary", f -> f.numberOfFragments(0))
                .fields("numberSymbol.text", f -> f.numberOfFragments(0))
                .fields("content", f -> f.fragmentSize(160).numberOfFragments(3)));
    }
}
