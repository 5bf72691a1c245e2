package vn.ccn.dms.register.infrastructure.pdf;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything one printed register shows, already turned into text: the heading, the columns and one list
 * of cell texts per entry. Both registers (incoming and outgoing) are printed through this one shape, and so
 * is the tracking book of the one-stop desk ({@code vn.ccn.dms.dossier.infrastructure.forms}).
 *
 * @param keyColumn the column that identifies an entry (its number); repeated, marked as continued, when
 *                  an entry too tall for one page goes on over the next
 * @param rows      one list per entry with exactly one text per column; an empty text prints an empty cell
 * @param emptyText what the table shows, across all columns, when there are no rows
 */
public record RegisterTable(
        String agencyName,
        String title,
        String registerName,
        LocalDate from,
        LocalDate to,
        ZonedDateTime printedAt,
        List<TableColumn> columns,
        int keyColumn,
        List<List<String>> rows,
        String emptyText) {

    public RegisterTable {
        Objects.requireNonNull(emptyText, "emptyText");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(registerName, "registerName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(printedAt, "printedAt");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        if (columns.stream().filter(c -> c.width() == TableColumn.REMAINING).count() != 1) {
            throw new IllegalArgumentException("exactly one column must take the remaining width");
        }
        if (keyColumn < 0 || keyColumn >= columns.size()) {
            throw new IllegalArgumentException("keyColumn " + keyColumn + " is not one of the columns");
        }
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** A register of documents: an empty one says {@value RegisterPdfWriter#EMPTY_REGISTER}. */
    public RegisterTable(String agencyName, String title, String registerName, LocalDate from, LocalDate to,
            ZonedDateTime printedAt, List<TableColumn> columns, int keyColumn, List<List<String>> rows) {
        this(agencyName, title, registerName, from, to, printedAt, columns, keyColumn, rows,
                RegisterPdfWriter.EMPTY_REGISTER);
    }
}
