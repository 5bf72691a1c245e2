package vn.ccn.dms.web.ui.onestop;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.dossier.application.DossierViews.TrackingItem;
import vn.ccn.dms.dossier.application.TrackingBoard;
import vn.ccn.dms.procedure.application.ProcedureCatalog;

/**
 * The tracking board: every step clock and opinion request of the dossiers the agency may read, filtered by the
 * responsible agency and the procedure, in the service's buckets (late, due today, due this week, upcoming,
 * paused, deemed consent, done) shown as tabs with their counts. One call to the service per filter; the tabs
 * only show a part of what it answered.
 */
@Named("trackingBoard")
@ViewScoped
public class TrackingBoardView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The buckets in the order a reader scans them: what needs action first. */
    static final List<String> BUCKETS = List.of("LATE", "DUE_TODAY", "DUE_THIS_WEEK", "UPCOMING", "PAUSED", "DEEMED",
            "DONE");

    @Inject
    private TrackingBoard board;

    @Inject
    private DirectoryService directory;

    @Inject
    private ProcedureCatalog catalog;

    private String agencyCode;
    private String procedureCode;
    private String bucket = "LATE";
    private transient List<TrackingItem> all;
    private List<SelectItem> agencies;
    private List<SelectItem> procedures;

    public void load() {
        if (all == null) {
            filter();
        }
    }

    public void filter() {
        try {
            all = board.items(blankToNull(agencyCode), blankToNull(procedureCode), null);
        } catch (RuntimeException e) {
            all = List.of();
            PageMessages.show(e, "filters");
        }
    }

    public void show(String bucket) {
        if (BUCKETS.contains(bucket)) {
            this.bucket = bucket;
        }
    }

    public List<String> getBuckets() {
        return BUCKETS;
    }

    public String bucketLabel(String b) {
        return PageMessages.text("tracking.bucket." + b, b);
    }

    public long count(String b) {
        load();
        return all.stream().filter(i -> b.equals(i.bucket())).count();
    }

    public List<TrackingItem> getItems() {
        load();
        return all.stream().filter(i -> bucket.equals(i.bucket())).toList();
    }

    public String kindLabel(String kind) {
        return "OPINION".equals(kind) ? "Xin ý kiến" : "Bước giải quyết";
    }

    /** The state as the board reports it (a dossier status, a step's timeliness or an opinion request's state). */
    public String stateLabel(String state) {
        if (state == null) {
            return "";
        }
        String base = state.replace(" (trả lời muộn)", "");
        String suffix = state.endsWith(" (trả lời muộn)") ? " (trả lời muộn)" : "";
        for (String prefix : List.of("dossier.status.", "opinion.state.", "timeliness.")) {
            String text = PageMessages.text(prefix + base, null);
            if (text != null) {
                return text + suffix;
            }
        }
        return state;
    }

    public List<SelectItem> getAgencies() {
        if (agencies == null) {
            agencies = directory.agencies().stream().map(a -> new SelectItem(a.code().value(), a.name())).toList();
        }
        return agencies;
    }

    public List<SelectItem> getProcedures() {
        if (procedures == null) {
            procedures = catalog.procedures().stream().map(p -> new SelectItem(p.code(), p.nameVi())).toList();
        }
        return procedures;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public void setAgencyCode(String agencyCode) {
        this.agencyCode = agencyCode;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(String procedureCode) {
        this.procedureCode = procedureCode;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        if (bucket != null && BUCKETS.contains(bucket)) {
            this.bucket = bucket;
        }
    }
}
