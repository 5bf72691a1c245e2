package vn.ccn.dms.web.ui.onestop;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import vn.ccn.dms.dossier.application.DossierService;
import vn.ccn.dms.dossier.application.DossierViews.DossierSummary;
import vn.ccn.dms.dossier.domain.DossierStatus;
import vn.ccn.dms.procedure.application.ProcedureCatalog;

/** The dossiers the user's agency may read, newest first, filtered by status and procedure. */
@Named
@ViewScoped
public class DossierList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX = 200;

    @Inject
    private DossierService dossiers;

    @Inject
    private ProcedureCatalog catalog;

    private String status;
    private String procedureCode;
    private transient List<DossierSummary> items;
    private List<SelectItem> procedures;

    public void search() {
        try {
            items = dossiers.list(status, procedureCode, MAX);
        } catch (RuntimeException e) {
            items = List.of();
            PageMessages.show(e, "filters");
        }
    }

    public void clear() {
        status = null;
        procedureCode = null;
        search();
    }

    public List<DossierSummary> getItems() {
        if (items == null) {
            search();
        }
        return items;
    }

    public List<SelectItem> getStatuses() {
        return Arrays.stream(DossierStatus.values()).map(s -> new SelectItem(s.name(), s.labelVi())).toList();
    }

    public List<SelectItem> getProcedures() {
        if (procedures == null) {
            procedures = catalog.procedures().stream().map(p -> new SelectItem(p.code(), p.nameVi())).toList();
        }
        return procedures;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(String procedureCode) {
        this.procedureCode = procedureCode;
    }
}
