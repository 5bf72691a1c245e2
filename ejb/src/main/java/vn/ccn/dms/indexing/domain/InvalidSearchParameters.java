package vn.ccn.dms.indexing.domain;

import java.util.List;

/**
 * Every reason a search's parameters were refused, each as {@code name: Vietnamese sentence}, so that a caller who
 * got several wrong learns all of them from one answer. The message joins them with "; ".
 */
public class InvalidSearchParameters extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public InvalidSearchParameters(List<String> errors) {
        super(String.join("; ", errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no error given");
        }
        this.errors = List.copyOf(errors);
    }

    /** The reasons, in the order of the parameters ({@code q} first). */
    public List<String> errors() {
        return errors;
    }
}
