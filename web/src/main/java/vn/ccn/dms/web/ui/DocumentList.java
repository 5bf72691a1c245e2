package vn.ccn.dms.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.ccn.dms.document.application.DocumentQuery;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.document.application.DocumentView;
import vn.ccn.dms.document.application.Page;
import vn.ccn.dms.document.domain.Direction;

/**
 * The document list: the documents the user may read (the service scopes the query), filtered by direction,
 * type, text and creation date, a page at a time. The direction can come from the address
 * ({@code index.xhtml?direction=INCOMING}) so the menu links to incoming and outgoing lists.
 */
@Named
@ViewScoped
public class DocumentList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @Inject
    private DocumentService documents;

    private String direction;
    private String typeCode;
    private String text;
    private LocalDate from;
    private LocalDate to;
    private int page;
    private transient Page<DocumentView> result;

    /** Runs the query on first display (after the address parameters are applied). */
    public void load() {
        if (result == null) {
            fetch();
        }
    }

    public void search() {
        page = 0;
        fetch();
    }

    public void clear() {
        direction = null;
        typeCode = null;
        text = null;
        from = null;
        to = null;
        search();
    }

    public void nextPage() {
        if (hasNext()) {
            page++;
        }
        fetch();
    }

    public void previousPage() {
        page = Math.max(0, page - 1);
        fetch();
    }

    private void fetch() {
        try {
            result = documents.list(new DocumentQuery(direction(), blankToNull(typeCode), blankToNull(text), from, to,
                    page, PAGE_SIZE));
        } catch (RuntimeException e) {
            result = new Page<>(0, 0, PAGE_SIZE, List.of());
            Refusals.show(e, "filters");
        }
    }

    private Direction direction() {
        if (direction == null || direction.isBlank()) {
            return null;
        }
        try {
            return Direction.valueOf(direction.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            direction = null;
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public List<DocumentView> getItems() {
        load();
        return result.items();
    }

    public long getTotal() {
        load();
        return result.total();
    }

    public int getPageNumber() {
        return page + 1;
    }

    public long getPageCount() {
        load();
        return Math.max(1, (result.total() + result.size() - 1) / result.size());
    }

    public boolean hasNext() {
        return result != null && (long) (page + 1) * result.size() < result.total();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getTypeCode() {
        return typeCode;
    }

    public void setTypeCode(String typeCode) {
        this.typeCode = typeCode;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
