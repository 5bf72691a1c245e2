package vn.ccn.dms.web.ui.onestop;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFiles;
import vn.ccn.dms.coordination.application.OpinionRequestService;
import vn.ccn.dms.coordination.application.OpinionRequestService.OpinionView;
import vn.ccn.dms.coordination.application.OpinionRequestService.Reply;
import vn.ccn.dms.coordination.application.OpinionRequestService.ReplyLetter;
import vn.ccn.dms.coordination.domain.OpinionPosition;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.web.ui.Labels;

/**
 * The coordinating agency's inbox of opinion requests (văn bản xin ý kiến) addressed to it, with the reply form:
 * the position taken, the conditions or reasons, the reply letter's number/symbol, date, summary and signer, and
 * its PDF, registered at the lead agency's desk by the service. A second tab lists the requests the agency sent.
 * A request whose deadline passed in silence is already deemed agreed (Quy chế Điều 2.2.a); a reply to it is
 * still taken, recorded as late.
 */
@Named
@ViewScoped
public class OpinionInbox implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private OpinionRequestService opinions;

    @Inject
    private DocumentService documents;

    @Inject
    private Labels labels;

    private String state;
    private Long requestId;
    private transient List<OpinionView> inbox;
    private transient List<OpinionView> sent;
    private transient OpinionView selected;

    private OpinionPosition position;
    private String conditions;
    private String numberSymbol;
    private LocalDate issuedDate;
    private String summary;
    private String signerName;
    private transient UploadedFiles uploads;
    private final List<KeptFile> received = new ArrayList<>();

    /** On first display: the lists, and the request named by {@code ?request=} opened for reply. */
    public void load() {
        refresh();
        if (requestId != null && selected == null) {
            choose(requestId);
        }
    }

    private void refresh() {
        try {
            inbox = opinions.inbox(blankToNull(state));
            sent = opinions.sent(blankToNull(state));
        } catch (RuntimeException e) {
            inbox = List.of();
            sent = List.of();
            PageMessages.show(e, null);
        }
    }

    public void filter() {
        refresh();
    }

    /** Opens the reply form for one request of the inbox. */
    public void choose(long id) {
        try {
            selected = opinions.get(id);
            requestId = id;
            position = null;
            conditions = null;
            numberSymbol = null;
            issuedDate = labels.today();
            summary = "Ý kiến về " + (selected.letterSummary() == null ? "văn bản xin ý kiến" : lowerFirst(selected.letterSummary()));
            signerName = null;
            received.clear();
        } catch (RuntimeException e) {
            selected = null;
            requestId = null;
            PageMessages.show(e, null);
        }
    }

    public void cancel() {
        selected = null;
        requestId = null;
        received.clear();
    }

    public void reply() {
        if (selected == null) {
            PageMessages.error(null, "Hãy chọn văn bản xin ý kiến cần trả lời");
            return;
        }
        try {
            received.addAll(KeptFile.receive(documents, uploads));
        } catch (RuntimeException e) {
            PageMessages.show(e, "reply");
            return;
        } finally {
            uploads = null;
        }
        try {
            OpinionView answered = opinions.reply(selected.id(), new Reply(position, blankToNull(conditions), null),
                    new ReplyLetter(blankToNull(numberSymbol), issuedDate, blankToNull(summary), blankToNull(signerName)),
                    received.stream().map(KeptFile::toUpload).toList());
            PageMessages.info("Đã gửi ý kiến trả lời (" + answered.positionLabel() + ") cho " + answered.leadName()
                    + (answered.late() ? "; trả lời sau hạn, giữ nguyên ý kiến được hiểu là đồng ý (Quy chế Điều 2.2.a)" : ""));
            received.clear();
            selected = null;
            requestId = null;
            refresh();
        } catch (RuntimeException e) {
            PageMessages.show(e, "reply");
        }
    }

    /** Whether a reply can still be sent: open, or deemed agreed without a reply yet. */
    public boolean answerable(OpinionView o) {
        return "OPEN".equals(o.state()) || ("DEEMED_AGREED".equals(o.state()) && o.replyDocumentId() == null);
    }

    public void removeFile(KeptFile file) {
        received.remove(file);
    }

    public List<OpinionPosition> getPositions() {
        return List.of(OpinionPosition.values());
    }

    public String positionLabel(OpinionPosition p) {
        return p == null ? "" : p.labelVi();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public List<OpinionView> getInbox() {
        if (inbox == null) {
            refresh();
        }
        return inbox;
    }

    public List<OpinionView> getSent() {
        if (sent == null) {
            refresh();
        }
        return sent;
    }

    public OpinionView getSelected() {
        return selected;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public Long getRequestId() {
        return requestId;
    }

    public void setRequestId(Long requestId) {
        this.requestId = requestId;
    }

    public OpinionPosition getPosition() {
        return position;
    }

    public void setPosition(OpinionPosition position) {
        this.position = position;
    }

    public String getConditions() {
        return conditions;
    }

    public void setConditions(String conditions) {
        this.conditions = conditions;
    }

    public String getNumberSymbol() {
        return numberSymbol;
    }

    public void setNumberSymbol(String numberSymbol) {
        this.numberSymbol = numberSymbol;
    }

    public LocalDate getIssuedDate() {
        return issuedDate;
    }

    public void setIssuedDate(LocalDate issuedDate) {
        this.issuedDate = issuedDate;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getSignerName() {
        return signerName;
    }

    public void setSignerName(String signerName) {
        this.signerName = signerName;
    }

    public UploadedFiles getUploads() {
        return uploads;
    }

    public void setUploads(UploadedFiles uploads) {
        this.uploads = uploads;
    }

    public List<KeptFile> getReceived() {
        return received;
    }
}
