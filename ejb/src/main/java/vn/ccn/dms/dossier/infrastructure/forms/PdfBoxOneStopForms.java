package vn.ccn.dms.dossier.infrastructure.forms;

import static vn.ccn.dms.dossier.infrastructure.forms.FormWording.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.ccn.dms.dossier.application.forms.Apology;
import vn.ccn.dms.dossier.application.forms.ControlSlip;
import vn.ccn.dms.dossier.application.forms.FormHeader;
import vn.ccn.dms.dossier.application.forms.Handover;
import vn.ccn.dms.dossier.application.forms.OneStopForms;
import vn.ccn.dms.dossier.application.forms.PaperLine;
import vn.ccn.dms.dossier.application.forms.ReceiptSlip;
import vn.ccn.dms.dossier.application.forms.Refusal;
import vn.ccn.dms.dossier.application.forms.StopNotice;
import vn.ccn.dms.dossier.application.forms.SupplementRequest;
import vn.ccn.dms.dossier.application.forms.TrackingBook;
import vn.ccn.dms.dossier.application.forms.TrackingLine;
import vn.ccn.dms.dossier.infrastructure.forms.FormComposer.Align;
import vn.ccn.dms.dossier.infrastructure.forms.FormComposer.Item;
import vn.ccn.dms.dossier.infrastructure.forms.FormComposer.Rule;
import vn.ccn.dms.dossier.infrastructure.forms.FormComposer.Space;
import vn.ccn.dms.dossier.infrastructure.forms.FormComposer.Text;
import vn.ccn.dms.register.infrastructure.pdf.FittedFont;
import vn.ccn.dms.register.infrastructure.pdf.RegisterPdfWriter;
import vn.ccn.dms.register.infrastructure.pdf.RegisterTable;
import vn.ccn.dms.register.infrastructure.pdf.TrueTypeTables;

/**
 * Prints the one-stop desk forms of Circular 03/2025/TT-VPCP Appendix I as PDF with Apache PDFBox and the
 * embedded Liberation Serif fonts: forms 01–06 on A4 portrait, the tracking book 07 on A4 landscape.
 *
 * <p>Every form opens with the agency block and the national heading of Decree 30/2020/NĐ-CP Appendix I;
 * user data is wrapped, never clipped, and a character the font cannot show is printed as "?". The fonts
 * are read once; an instance keeps no other state and serves concurrent calls.
 */
@ApplicationScoped
public class PdfBoxOneStopForms implements OneStopForms {

    private static final String REGULAR_FONT = "/fonts/LiberationSerif-Regular.ttf";
    private static final String BOLD_FONT = "/fonts/LiberationSerif-Bold.ttf";

    private static final float HEADING_SIZE = 12f;
    private static final float MOTTO_SIZE = 13f;
    private static final float TITLE_SIZE = 14f;
    private static final float HINT_SIZE = 12f;
    private static final float RECIPIENT_SIZE = 11f;
    private static final float QR_SIZE = 92f;
    private static final float QR_GAP = 10f;
    private static final float QR_CAPTION_SIZE = 9f;
    private static final float SIGNATURE_ROOM = 62f;
    private static final float PARAGRAPH_INDENT = 28f;
    private static final float LIST_INDENT = 14f;
    /** Agency and national heading take 42 % and 58 % of the width, as in the samples of Decree 30/2020. */
    private static final float[] HEADING_COLUMNS = {0.42f, 0.58f};
    private static final int MAX_HEADING_LINES = 3;
    private static final int MAX_SIGNER_LINES = 4;

    private final Clock clock;
    private final byte[] regularFont;
    private final byte[] boldFont;

    /** Reads the embedded fonts; fails at once if they are missing from the class path. */
    @Inject
    public PdfBoxOneStopForms(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        // Without GSUB, as PdfBoxRegisterPrinter explains: PDFBox would otherwise rebuild its substitution
        // matchers on every showText, and NFC text needs none of Liberation Serif's substitutions.
        this.regularFont = TrueTypeTables.hide(resource(REGULAR_FONT), "GSUB", "xSUB");
        this.boldFont = TrueTypeTables.hide(resource(BOLD_FONT), "GSUB", "xSUB");
    }

    /** For the CDI client proxy only. */
    protected PdfBoxOneStopForms() {
        this.clock = null;
        this.regularFont = null;
        this.boldFont = null;
    }

    @Override
    public byte[] receiptSlip(ReceiptSlip form) {
        Objects.requireNonNull(form, "form");
        ZoneId zone = form.header().zone();
        return compose(form.header(), RECEIPT_TITLE, form.dossierCode(), c -> {
            heading(c, form.header(), VietnameseDates.localDate(form.receivedAt(), zone), false);
            titleAndCode(c, RECEIPT_TITLE, form.dossierCode());
            Optional<QrCode> qr = QrCode.of(form.statusUrl());
            if (qr.isPresent()) {
                // The QR code sits at the right of the applicant's details, its caption under it.
                List<Item> caption = List.of(new Text(QR_CAPTION, c.regular(), true, QR_CAPTION_SIZE, Align.CENTRE, 2));
                float captionHeight = 2 * QR_CAPTION_SIZE * 1.3f;
                float top = c.reserveRight(QR_SIZE + QR_GAP, QR_SIZE + captionHeight);
                float x = FormComposer.MARGIN_LEFT + FormComposer.WIDTH - QR_SIZE;
                qr.get().draw(c.content(), x, top, QR_SIZE);
                c.box(caption, x, QR_SIZE, top - QR_SIZE);
            }
            c.field(APPLICANT, form.applicantName());
            c.field(ADDRESS, form.applicantAddress());
            c.paragraph(List.of(c.plain(PHONE + " "), c.strong(FormComposer.orBlank(form.applicantPhone())),
                    c.plain("; " + EMAIL + " "), c.strong(FormComposer.orBlank(form.applicantEmail()))));
            c.field(REQUEST, form.procedureName());
            c.field(CHANNEL, form.channelVi());
            c.clearReservation();
            c.space(4);
            c.paragraph(List.of(c.plain(PAPERS)));
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (PaperLine paper : form.papers()) {
                rows.add(List.of(Integer.toString(n++), text(paper.name()), count(paper.originals()),
                        count(paper.copies()), paper.electronic() ? YES : ""));
            }
            c.table(PAPER_COLUMNS, rows, NO_PAPERS);
            c.space(4);
            c.paragraph(List.of(c.plain(PAPER_SETS + " "),
                    c.strong(form.paperSets() > 0 ? Integer.toString(form.paperSets()) : VietnameseDates.BLANK),
                    c.plain(" (bộ)")));
            c.field(RECEIVED_AT_NUMBERED, VietnameseDates.longTime(form.receivedAt(), zone));
            c.field(RETURN_AT_NUMBERED, VietnameseDates.longDate(form.appointmentDate()));
            c.field(STATUS_PAGE_NUMBERED, form.statusUrl());
            c.space(10);
            signatures(c, List.of(
                    signature(c, APPLICANT_SIGNS, SIGN_HINT, form.applicantName()),
                    signature(c, RECEIVER_SIGNS, SIGN_HINT, form.receiverName())));
        });
    }

    @Override
    public byte[] supplementRequest(SupplementRequest form) {
        Objects.requireNonNull(form, "form");
        ZoneId zone = form.header().zone();
        return compose(form.header(), SUPPLEMENT_TITLE, form.dossierCode(), c -> {
            heading(c, form.header(), form.date(), false);
            titleAndCode(c, SUPPLEMENT_TITLE, form.dossierCode());
            c.field(DOSSIER_OF, form.applicantName());
            c.field(REQUEST, form.procedureName());
            c.field(RECEIVED_AT, VietnameseDates.longTime(form.receivedAt(), zone));
            c.space(4);
            c.paragraph(List.of(c.plain(SUPPLEMENT_INTRO)));
            c.numbered(form.items(), LIST_INDENT);
            c.field(REASON, form.reason());
            c.paragraph(List.of(c.plain(SUPPLEMENT_HELP)));
            c.space(10);
            signatures(c, List.of(signature(c, GUIDE_SIGNS, SIGN_HINT, form.officerName())));
        });
    }

    @Override
    public byte[] refusal(Refusal form) {
        Objects.requireNonNull(form, "form");
        ZoneId zone = form.header().zone();
        return compose(form.header(), REFUSAL_TITLE, form.dossierCode(), c -> {
            heading(c, form.header(), form.date(), false);
            titleAndCode(c, REFUSAL_TITLE, form.dossierCode());
            c.field(DOSSIER_OF, form.applicantName());
            c.field(REQUEST, form.procedureName());
            c.field(RECEIVED_AT, VietnameseDates.longTime(form.receivedAt(), zone));
            c.space(4);
            c.paragraph(List.of(c.plain(REFUSAL_INTRO)));
            c.numbered(form.reasons(), LIST_INDENT);
            c.paragraph(List.of(c.plain(FOR_YOUR_INFORMATION)));
            c.space(10);
            signatures(c, List.of(signature(c, RECEIVER_SIGNS, SIGN_HINT, form.officerName())));
        });
    }

    @Override
    public byte[] apology(Apology form) {
        Objects.requireNonNull(form, "form");
        ZoneId zone = form.header().zone();
        return compose(form.header(), APOLOGY_TITLE, form.dossierCode(), c -> {
            heading(c, form.header(), form.date(), true);
            c.space(14);
            c.title(APOLOGY_TITLE, TITLE_SIZE);
            c.space(8);
            c.paragraph(List.of(c.plain(TO + " "), c.strong(FormComposer.orBlank(form.applicantName()))),
                    FormComposer.BODY_SIZE, Align.CENTRE, 0, 0);
            c.space(8);
            letter(c, List.of(
                    c.plain("N" + VietnameseDates.longDate(VietnameseDates.localDate(form.receivedAt(), zone))
                            .substring(1) + ", cơ quan đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: "),
                    c.strong(FormComposer.orBlank(form.procedureName())),
                    c.plain(" (mã hồ sơ: "), c.strong(FormComposer.orBlank(form.dossierCode())),
                    c.plain("), hẹn trả kết quả " + VietnameseDates.longDate(form.appointmentDate()) + ".")));
            letter(c, List.of(c.plain("Đến nay, hồ sơ chưa được giải quyết xong đúng hẹn. " + REASON + " "),
                    c.strong(FormComposer.orBlank(form.reason()))));
            letter(c, List.of(c.plain("Cơ quan chân thành xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn "
                            + "thời gian giải quyết hồ sơ; kết quả sẽ được trả cho Ông/Bà vào "),
                    c.strong(VietnameseDates.longDate(form.newAppointmentDate()) + ".")));
            letter(c, List.of(c.plain(THANKS)));
            c.space(10);
            recipientsAndSignature(c, signature(c, HEAD_SIGNS, SEAL_HINT, form.signerName()));
        });
    }

    @Override
    public byte[] stopNotice(StopNotice form) {
        Objects.requireNonNull(form, "form");
        ZoneId zone = form.header().zone();
        return compose(form.header(), STOP_TITLE, form.dossierCode(), c -> {
            heading(c, form.header(), form.date(), true);
            c.space(14);
            c.title(STOP_TITLE, TITLE_SIZE);
            c.space(8);
            c.paragraph(List.of(c.plain(TO + " "), c.strong(FormComposer.orBlank(form.applicantName()))),
                    FormComposer.BODY_SIZE, Align.CENTRE, 0, 0);
            c.space(8);
            letter(c, List.of(c.plain(STOP_INTRO)));
            item(c, DOSSIER_CODE, form.dossierCode());
            item(c, PROCEDURE, form.procedureName());
            item(c, RECEIVED_AT, VietnameseDates.longTime(form.receivedAt(), zone));
            item(c, STOP_REASON, form.reason());
            letter(c, List.of(c.plain(FOR_YOUR_INFORMATION)));
            c.space(10);
            recipientsAndSignature(c, signature(c, HEAD_SIGNS, SEAL_HINT, form.signerName()));
        });
    }

    @Override
    public byte[] controlSlip(ControlSlip form) {
        Objects.requireNonNull(form, "form");
        ZoneId zone = form.header().zone();
        return compose(form.header(), CONTROL_TITLE, form.dossierCode(), c -> {
            heading(c, form.header(), VietnameseDates.localDate(form.receivedAt(), zone), false);
            titleAndCode(c, CONTROL_TITLE, form.dossierCode());
            c.field(ATTACHED_TO, form.applicantName());
            c.field(REQUEST, form.procedureName());
            c.field(RECEIVED_AT, VietnameseDates.longTime(form.receivedAt(), zone));
            c.field(APPOINTMENT, VietnameseDates.longDate(form.appointmentDate()));
            c.space(8);
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (Handover handover : form.handovers()) {
                rows.add(List.of(Integer.toString(n++),
                        party(handover.fromName(), handover.fromUnit()),
                        party(handover.toName(), handover.toUnit()),
                        VietnameseDates.shortDateTime(handover.at(), zone),
                        VietnameseDates.shortDate(handover.due()),
                        text(handover.resultVi()),
                        text(handover.note())));
            }
            c.table(HANDOVER_COLUMNS, rows, NO_HANDOVERS);
        });
    }

    @Override
    public byte[] trackingBook(TrackingBook form) {
        Objects.requireNonNull(form, "form");
        ZoneId zone = form.header().zone();
        List<List<String>> rows = new ArrayList<>(form.lines().size());
        for (TrackingLine line : form.lines()) {
            rows.add(List.of(
                    Integer.toString(line.ordinal()),
                    text(line.dossierCode()),
                    text(line.procedureName()),
                    text(line.applicantName()),
                    VietnameseDates.shortDateTime(line.receivedAt(), zone),
                    VietnameseDates.shortDate(line.appointmentDate()),
                    VietnameseDates.shortDateTime(line.finishedAt(), zone),
                    VietnameseDates.shortDateTime(line.returnedAt(), zone),
                    text(line.statusVi()),
                    text(line.note())));
        }
        FormHeader header = form.header();
        String agency = joined(header.parentAgencyName(), header.agencyName());
        LocalDate from = form.from() == null ? LocalDate.now(clock.withZone(zone)) : form.from();
        LocalDate to = form.to() == null ? from : form.to();
        RegisterTable table = new RegisterTable(agency, TRACKING_TITLE, TRACKING_SUBTITLE, from, to,
                ZonedDateTime.now(clock).withZoneSameInstant(zone), TRACKING_COLUMNS, TRACKING_KEY, rows,
                NO_DOSSIERS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new RegisterPdfWriter(regularFont, boldFont).write(table, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print the tracking book", e);
        }
        return out.toByteArray();
    }

    // ----------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Body {
        void compose(FormComposer composer) throws IOException;
    }

    private byte[] compose(FormHeader header, String title, String dossierCode, Body body) {
        try (FormComposer composer = new FormComposer(regularFont, boldFont)) {
            body.compose(composer);
            String documentTitle = dossierCode == null || dossierCode.isBlank() ? title : title + " – " + dossierCode;
            return composer.finish(documentTitle, joined(header.parentAgencyName(), header.agencyName()),
                    ZonedDateTime.now(clock).withZoneSameInstant(header.zone()));
        } catch (IOException e) {
            // Only reachable through a PDFBox fault: every input is written to an in-memory document.
            throw new UncheckedIOException("cannot print " + title, e);
        }
    }

    /**
     * Agency block at the left (managing body, agency in bold, a rule 1/3 to 1/2 of its length), national
     * title and motto at the right with a rule as long as the motto, then the place and date line in italics
     * (Decree 30/2020/NĐ-CP Appendix I, sections II.1–II.5). Letters carry a "Số:" line to be numbered.
     */
    private static void heading(FormComposer c, FormHeader header, LocalDate date, boolean numbered)
            throws IOException {
        FittedFont bold = c.bold();
        FittedFont regular = c.regular();
        List<Item> agency = new ArrayList<>();
        if (header.parentAgencyName() != null && !header.parentAgencyName().isBlank()) {
            agency.add(new Text(header.parentAgencyName(), regular, false, HEADING_SIZE, Align.CENTRE,
                    MAX_HEADING_LINES));
        }
        agency.add(new Text(header.agencyName(), bold, false, HEADING_SIZE, Align.CENTRE, MAX_HEADING_LINES));
        agency.add(new Rule(0.4f));
        if (numbered) {
            agency.add(new Space(4));
            agency.add(new Text(NUMBER_BLANK, regular, false, FormComposer.BODY_SIZE, Align.CENTRE, 1));
        }
        float rightWidth = HEADING_COLUMNS[1] * FormComposer.WIDTH;
        // The national title must stay on one line: 12 pt where it fits, smaller only if the column is narrow.
        float nationalSize = Math.min(HEADING_SIZE, HEADING_SIZE * (rightWidth - 2) / bold.width(NATIONAL_TITLE,
                HEADING_SIZE));
        List<Item> nation = List.of(
                new Text(NATIONAL_TITLE, bold, false, nationalSize, Align.CENTRE, 1),
                new Text(MOTTO, bold, false, MOTTO_SIZE, Align.CENTRE, 1),
                new Rule(1f),
                new Space(6),
                new Text(VietnameseDates.dateLine(header.placeName(), date), regular, true, FormComposer.BODY_SIZE,
                        Align.CENTRE, 2));
        c.columns(HEADING_COLUMNS, List.of(agency, nation));
    }

    private static void titleAndCode(FormComposer c, String title, String dossierCode) throws IOException {
        c.space(14);
        c.title(title, TITLE_SIZE);
        c.paragraph(List.of(c.plain(DOSSIER_CODE + " "), c.strong(FormComposer.orBlank(dossierCode))),
                FormComposer.BODY_SIZE, Align.CENTRE, 0, 0);
        c.space(8);
    }

    /** A paragraph of a letter: first line indented (Decree 30/2020/NĐ-CP Appendix I, II.8: 1 to 1.27 cm). */
    private static void letter(FormComposer c, List<FormComposer.Run> runs) throws IOException {
        c.paragraph(runs, FormComposer.BODY_SIZE, Align.LEFT, PARAGRAPH_INDENT, -PARAGRAPH_INDENT);
        c.space(3);
    }

    private static void item(FormComposer c, String label, String value) throws IOException {
        String dash = "- ";
        c.paragraph(List.of(c.plain(dash + label + " "), c.strong(FormComposer.orBlank(value))),
                FormComposer.BODY_SIZE, Align.LEFT, PARAGRAPH_INDENT, c.regular().width(dash, FormComposer.BODY_SIZE));
    }

    private static List<Item> signature(FormComposer c, String title, String hint, String name) {
        return List.of(
                new Text(title, c.bold(), false, FormComposer.BODY_SIZE, Align.CENTRE, 2),
                new Text(hint, c.regular(), true, HINT_SIZE, Align.CENTRE, 2),
                new Space(SIGNATURE_ROOM),
                new Text(name, c.bold(), false, FormComposer.BODY_SIZE, Align.CENTRE, MAX_SIGNER_LINES));
    }

    /** One block sits in the right half, as the signer's block of an administrative document does. */
    private static void signatures(FormComposer c, List<List<Item>> blocks) throws IOException {
        c.clearReservation();
        float[] widths = new float[blocks.size()];
        java.util.Arrays.fill(widths, blocks.size() == 1 ? 0.5f : 1f / blocks.size());
        c.columns(widths, blocks);
    }

    /** "Nơi nhận" at the left, the signer at the right (Decree 30/2020/NĐ-CP Appendix I, II.9–II.10). */
    private static void recipientsAndSignature(FormComposer c, List<Item> signer) throws IOException {
        List<Item> recipients = new ArrayList<>();
        recipients.add(new Text(RECIPIENTS, c.bold(), true, HINT_SIZE, Align.LEFT, 1));
        for (String line : RECIPIENT_LINES) {
            recipients.add(new Text(line, c.regular(), false, RECIPIENT_SIZE, Align.LEFT, 1));
        }
        c.columns(new float[] {0.45f, 0.55f}, List.of(recipients, signer));
    }

    private static String party(String name, String unit) {
        String who = text(name).strip();
        String where = text(unit).strip();
        if (who.isEmpty() || where.isEmpty()) {
            return who + where;
        }
        return who + "\n" + where;
    }

    private static String joined(String parent, String agency) {
        String upper = text(parent).strip();
        String own = text(agency).strip();
        if (upper.isEmpty() || own.isEmpty()) {
            return upper + own;
        }
        return upper + " – " + own;
    }

    private static String count(int n) {
        return n > 0 ? Integer.toString(n) : "";
    }

    private static String text(String nullable) {
        return nullable == null ? "" : nullable;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfBoxOneStopForms.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font resource " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font resource " + name, e);
        }
    }
}
