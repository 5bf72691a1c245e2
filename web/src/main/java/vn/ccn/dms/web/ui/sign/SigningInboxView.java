package vn.ccn.dms.web.ui.sign;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.signature.application.SigningWorkflowService;
import vn.ccn.dms.signature.application.SigningWorkflowService.BatchView;
import vn.ccn.dms.signature.application.SigningWorkflowService.InboxItem;
import vn.ccn.dms.signature.domain.SigningBatch;

/**
 * The leader's inbox: the documents awaiting the leader's signature; the leader selects many, enters the PIN
 * once and signs them in one batch, then watches the progress and the result of each document.
 */
@Named("signingInbox")
@ViewScoped
public class SigningInboxView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Inject
    private transient SigningWorkflowService workflow;

    private List<InboxItem> items;
    private List<InboxItem> selected = new ArrayList<>();
    private String pin;
    private Long batchId;
    private BatchView batch;

    public List<InboxItem> getItems() {
        if (items == null) {
            items = workflow.inbox();
        }
        return items;
    }

    public void sign() {
        if (selected == null || selected.isEmpty()) {
            message(FacesMessage.SEVERITY_WARN, "Hãy chọn ít nhất một văn bản để ký.");
            return;
        }
        char[] secret = pin == null ? new char[0] : pin.toCharArray();
        pin = null;
        try {
            batch = workflow.signBatch(selected.stream().map(InboxItem::documentId).toList(), secret);
            batchId = batch.id();
            message(FacesMessage.SEVERITY_INFO, "Đang ký " + batch.total() + " văn bản.");
        } catch (DomainException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        } catch (jakarta.ejb.EJBException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getCause() instanceof DomainException d ? d.getMessage()
                    : "Không ký được; hãy thử lại hoặc liên hệ quản trị hệ thống.");
        }
    }

    public void refresh() {
        if (batchId != null) {
            batch = workflow.batch(batchId);
            if (batch.status() == SigningBatch.Status.DONE) {
                items = null;
                selected = new ArrayList<>();
            }
        }
    }

    public int getProgress() {
        return batch == null || batch.total() == 0 ? 0 : batch.done() * 100 / batch.total();
    }

    public boolean isFinished() {
        return batch == null || batch.status() == SigningBatch.Status.DONE;
    }

    public String format(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** The Vietnamese word for an item's status. */
    public String statusText(Object status) {
        return switch (String.valueOf(status)) {
            case "SIGNED" -> "Đã ký";
            case "FAILED" -> "Không ký được";
            case "SKIPPED" -> "Chưa ký (dừng do lỗi trước)";
            default -> "Đang chờ";
        };
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public List<InboxItem> getSelected() {
        return selected;
    }

    public void setSelected(List<InboxItem> selected) {
        this.selected = selected;
    }

    public String getPin() {
        return null;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }

    public BatchView getBatch() {
        return batch;
    }
}
