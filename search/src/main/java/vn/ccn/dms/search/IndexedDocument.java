package vn.ccn.dms.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What the index keeps of a document: its metadata, its text and the principals that may read it. */
public record IndexedDocument(String id, String numberSymbol, String type, String issuer, String agency,
        LocalDate date, String summary, String text, String secrecy, List<String> readers) {

    public IndexedDocument {
        Objects.requireNonNull(id, "id");
        readers = List.copyOf(readers);
    }
}
