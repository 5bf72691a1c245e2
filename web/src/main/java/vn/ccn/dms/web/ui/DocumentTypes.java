package vn.ccn.dms.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.ccn.dms.document.application.DocumentService;

/**
 * The document types the forms offer, read from the {@code document_type} table once per request: clerks choose
 * "Công văn", "Tờ trình" … by name instead of typing a code they would have to know.
 */
@Named
@RequestScoped
public class DocumentTypes {

    @Inject
    private DocumentService documents;

    private List<SelectItem> items;

    /** Each active type as "name (code)", valued by its code, ordered by name. */
    public List<SelectItem> getItems() {
        if (items == null) {
            items = documents.documentTypes().stream()
                    .map(t -> new SelectItem(t.code(), t.name() + " (" + t.code() + ")")).toList();
        }
        return items;
    }
}
