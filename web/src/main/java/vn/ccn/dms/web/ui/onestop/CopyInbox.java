package vn.ccn.dms.web.ui.onestop;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.ccn.dms.distribution.application.DistributionService;
import vn.ccn.dms.distribution.application.DistributionService.CopyView;

/**
 * "Văn bản gửi để theo dõi": the copies distributed to the user's agency by rule (every document concerning an
 * industrial cluster reaches the Department of Industry and Trade, Quy chế Điều 2.2.b), tracked until its desk
 * confirms receipt with "Xác nhận đã nhận".
 */
@Named
@ViewScoped
public class CopyInbox implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DistributionService distribution;

    private String state;
    private transient List<CopyView> items;

    public void filter() {
        try {
            items = distribution.inbox(state == null || state.isBlank() ? null : state);
        } catch (RuntimeException e) {
            items = List.of();
            PageMessages.show(e, "filters");
        }
    }

    public void acknowledge(long id) {
        try {
            CopyView copy = distribution.acknowledge(id);
            PageMessages.info("Đã xác nhận đã nhận văn bản " + (copy.numberSymbol() == null ? "" : copy.numberSymbol()));
        } catch (RuntimeException e) {
            PageMessages.show(e, null);
        }
        filter();
    }

    public String stateLabel(String s) {
        return s == null ? "" : PageMessages.text("copy.state." + s, s);
    }

    public List<CopyView> getItems() {
        if (items == null) {
            filter();
        }
        return items;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
