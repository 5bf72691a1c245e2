package vn.ccn.dms.web.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.ccn.dms.document.domain.Direction;
import vn.ccn.dms.register.application.RegisterService;

/**
 * Printing a register (sổ văn bản đến / đi) for a date range: the page builds the address of the API's printout
 * ({@code /api/v1/registers/{id}/print?from=&to=}), which the browser opens with the session. The service
 * checks who may print and which range is allowed.
 */
@Named
@ViewScoped
public class RegisterPrint implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RegisterService registers;

    @Inject
    private Labels labels;

    private Long registerId;
    private LocalDate from;
    private LocalDate to;
    private List<SelectItem> options;

    /** The agency's registers, incoming ones first; the range defaults to this month up to today. */
    @PostConstruct
    void init() {
        options = registers.ofMyAgency().stream()
                .map(r -> new SelectItem(r.id(), r.name() + " (" + r.code() + ")"
                        + (r.direction() == Direction.INCOMING ? " – văn bản đến" : " – văn bản đi")))
                .toList();
        registerId = options.isEmpty() ? null : (Long) options.get(0).getValue();
        to = labels.today();
        from = to.withDayOfMonth(1);
    }

    public List<SelectItem> getRegisters() {
        return options;
    }

    /** The printout's address, or null while the register or a date is missing. */
    public String getPrintUrl() {
        if (registerId == null || from == null || to == null) {
            return null;
        }
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/registers/" + registerId + "/print?from=" + from + "&to=" + to;
    }

    public Long getRegisterId() {
        return registerId;
    }

    public void setRegisterId(Long registerId) {
        this.registerId = registerId;
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
