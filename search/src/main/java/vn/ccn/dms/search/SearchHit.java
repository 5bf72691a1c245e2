package vn.ccn.dms.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One document found. The display fields are what the index holds and may lag the database by the
 * indexing delay; the application loads the document itself (and checks access again) when it is opened.
 *
 * @param id           document id
 * @param versionId    the indexed version
 * @param score        relevance score, or {@code null} when the hits are sorted by date
 * @param numberSymbol as indexed, or {@code null}
 * @param typeName     as indexed, or {@code null}
 * @param issuer       as indexed, or {@code null}
 * @param date         as indexed, or {@code null}
 * @param summary      as indexed, or {@code null}
 * @param highlights   snippets per field ({@code summary}, {@code content}, {@code numberSymbol}); the text
 *                     is HTML-escaped and matches are wrapped in {@code <mark>}, so it can be inserted as HTML
 */
public record SearchHit(String id, String versionId, Double score, String numberSymbol, String typeName, String issuer,
        LocalDate date, String summary, Map<String, List<String>> highlights) {

    public SearchHit {
        Objects.requireNonNull(id, "id");
        highlights = Map.copyOf(highlights);
    }
}
