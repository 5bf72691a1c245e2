package vn.ccn.dms.register.application.print;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data for printed registers: builders with realistic Vietnamese defaults drawn from the CCN work of
 * Lạng Sơn province (Decision 09/2025/QĐ-UBND and the documents around it).
 */
public final class RegisterSheetBuilders {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static final String[] ISSUERS = {
        "Sở Công Thương tỉnh Lạng Sơn",
        "UBND xã Hữu Lũng",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "Sở Tài chính tỉnh Lạng Sơn",
        "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn",
        "Công ty Cổ phần Đầu tư và Phát triển hạ tầng Hữu Lũng",
    };
    static final String[] SYMBOL_PATTERNS = {"%02d/2025/QĐ-UBND", "%02d/TTr-SCT", "%02d/SCT-QLCN", "%02d/UBND-KT",
        "%02d/BC-SXD", "%02d/KH-STC"};
    static final String[] TYPES = {"Quyết định", "Tờ trình", null, "Báo cáo", "Kế hoạch", "Thông báo"};
    static final String[] SUMMARIES = {
        "thành lập cụm công nghiệp Hữu Lũng",
        "đề nghị thẩm định Đề án mở rộng cụm công nghiệp Đồng Bành",
        "V/v góp ý dự thảo Quy chế phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh",
        "tình hình hoạt động của các cụm công nghiệp 6 tháng đầu năm 2025",
        "kiểm tra việc chấp hành pháp luật về bảo vệ môi trường tại cụm công nghiệp Hợp Thịnh",
        "kết quả lựa chọn chủ đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp Hữu Lũng",
    };
    static final String[] RECEIVERS = {"Phòng Quản lý công nghiệp", "Văn phòng Sở",
        "Ông Nguyễn Văn Thưởng, Phó Giám đốc", null};
    static final String[] NOTES = {null, "Hỏa tốc", "Khẩn", "Bản chụp, chờ bản gốc", null, "Thượng khẩn"};
    static final String[] SIGNERS = {"Nguyễn Thị Hằng", "Hoàng Văn Đức", "Lương Quốc Hưởng"};
    static final String[] RECIPIENTS = {"UBND tỉnh Lạng Sơn; Bộ Công Thương; Lưu: VT, QLCN",
        "Các sở, ban, ngành tỉnh; UBND các xã có cụm công nghiệp", "Sở Tài chính", null};
    static final String[] KEEPERS = {"Phòng Quản lý công nghiệp", "Văn thư Sở", null};

    private RegisterSheetBuilders() {
    }

    public static IncomingSheetBuilder anIncomingSheet() {
        return new IncomingSheetBuilder();
    }

    public static OutgoingSheetBuilder anOutgoingSheet() {
        return new OutgoingSheetBuilder();
    }

    public static IncomingLineBuilder anIncomingLine() {
        return new IncomingLineBuilder();
    }

    public static OutgoingLineBuilder anOutgoingLine() {
        return new OutgoingLineBuilder();
    }

    /** {@code count} varied incoming lines numbered 1..count, two arrivals a day from 2 January 2025. */
    public static List<IncomingRegisterLine> incomingLines(int count) {
        List<IncomingRegisterLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = i + 1;
            LocalDate arrived = LocalDate.of(2025, 1, 2).plusDays(i / 2);
            lines.add(anIncomingLine()
                    .arrivalDate(arrived)
                    .arrivalNumber(number)
                    .issuerName(ISSUERS[i % ISSUERS.length])
                    .numberSymbol(String.format(SYMBOL_PATTERNS[i % SYMBOL_PATTERNS.length], number + 3))
                    .issuedDate(arrived.minusDays(1 + i % 3))
                    .typeName(TYPES[i % TYPES.length])
                    .summary(SUMMARIES[i % SUMMARIES.length])
                    .receivingUnit(RECEIVERS[i % RECEIVERS.length])
                    .transferDate(i % 5 == 4 ? null : arrived)
                    .notes(NOTES[i % NOTES.length])
                    .build());
        }
        return lines;
    }

    /** {@code count} varied outgoing lines numbered 1..count. */
    public static List<OutgoingRegisterLine> outgoingLines(int count) {
        List<OutgoingRegisterLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = i + 1;
            LocalDate issued = LocalDate.of(2025, 1, 3).plusDays(i / 2);
            lines.add(anOutgoingLine()
                    .numberSymbol(String.format(SYMBOL_PATTERNS[i % SYMBOL_PATTERNS.length], number))
                    .issuedDate(issued)
                    .typeName(TYPES[i % TYPES.length])
                    .summary(SUMMARIES[i % SUMMARIES.length])
                    .signerName(SIGNERS[i % SIGNERS.length])
                    .recipients(RECIPIENTS[i % RECIPIENTS.length])
                    .keepingUnit(KEEPERS[i % KEEPERS.length])
                    .copies(i % 4 == 3 ? null : 2 + i % 7)
                    .transferDate(issued)
                    .notes(NOTES[i % NOTES.length])
                    .build());
        }
        return lines;
    }

    public static final class IncomingSheetBuilder {
        private String agencyName = "Sở Công Thương tỉnh Lạng Sơn";
        private String registerName = "Sổ đăng ký văn bản đến năm 2025";
        private LocalDate from = LocalDate.of(2025, 1, 1);
        private LocalDate to = LocalDate.of(2025, 12, 31);
        private ZonedDateTime printedAt = ZonedDateTime.of(2026, 1, 15, 8, 30, 0, 0, VIETNAM);
        private List<IncomingRegisterLine> lines = incomingLines(6);

        public IncomingSheetBuilder agencyName(String value) {
            agencyName = value;
            return this;
        }

        public IncomingSheetBuilder registerName(String value) {
            registerName = value;
            return this;
        }

        public IncomingSheetBuilder period(LocalDate fromDay, LocalDate toDay) {
            from = fromDay;
            to = toDay;
            return this;
        }

        public IncomingSheetBuilder printedAt(ZonedDateTime value) {
            printedAt = value;
            return this;
        }

        public IncomingSheetBuilder lines(List<IncomingRegisterLine> value) {
            lines = value;
            return this;
        }

        public IncomingRegisterSheet build() {
            return new IncomingRegisterSheet(agencyName, registerName, from, to, printedAt, lines);
        }
    }

    public static final class OutgoingSheetBuilder {
        private String agencyName = "Sở Công Thương tỉnh Lạng Sơn";
        private String registerName = "Sổ đăng ký văn bản đi năm 2025";
        private LocalDate from = LocalDate.of(2025, 1, 1);
        private LocalDate to = LocalDate.of(2025, 12, 31);
        private ZonedDateTime printedAt = ZonedDateTime.of(2026, 1, 15, 8, 30, 0, 0, VIETNAM);
        private List<OutgoingRegisterLine> lines = outgoingLines(6);

        public OutgoingSheetBuilder agencyName(String value) {
            agencyName = value;
            return this;
        }

        public OutgoingSheetBuilder registerName(String value) {
            registerName = value;
            return this;
        }

        public OutgoingSheetBuilder period(LocalDate fromDay, LocalDate toDay) {
            from = fromDay;
            to = toDay;
            return this;
        }

        public OutgoingSheetBuilder printedAt(ZonedDateTime value) {
            printedAt = value;
            return this;
        }

        public OutgoingSheetBuilder lines(List<OutgoingRegisterLine> value) {
            lines = value;
            return this;
        }

        public OutgoingRegisterSheet build() {
            return new OutgoingRegisterSheet(agencyName, registerName, from, to, printedAt, lines);
        }
    }

    public static final class IncomingLineBuilder {
        private LocalDate arrivalDate = LocalDate.of(2025, 3, 14);
        private int arrivalNumber = 1;
        private String issuerName = "Ủy ban nhân dân tỉnh Lạng Sơn";
        private String numberSymbol = "09/2025/QĐ-UBND";
        private LocalDate issuedDate = LocalDate.of(2025, 3, 12);
        private String typeName = "Quyết định";
        private String summary = "thành lập cụm công nghiệp Hữu Lũng";
        private String receivingUnit = "Phòng Quản lý công nghiệp";
        private LocalDate transferDate = LocalDate.of(2025, 3, 14);
        private String notes;

        public IncomingLineBuilder arrivalDate(LocalDate value) {
            arrivalDate = value;
            return this;
        }

        public IncomingLineBuilder arrivalNumber(int value) {
            arrivalNumber = value;
            return this;
        }

        public IncomingLineBuilder issuerName(String value) {
            issuerName = value;
            return this;
        }

        public IncomingLineBuilder numberSymbol(String value) {
            numberSymbol = value;
            return this;
        }

        public IncomingLineBuilder issuedDate(LocalDate value) {
            issuedDate = value;
            return this;
        }

        public IncomingLineBuilder typeName(String value) {
            typeName = value;
            return this;
        }

        public IncomingLineBuilder summary(String value) {
            summary = value;
            return this;
        }

        public IncomingLineBuilder receivingUnit(String value) {
            receivingUnit = value;
            return this;
        }

        public IncomingLineBuilder transferDate(LocalDate value) {
            transferDate = value;
            return this;
        }

        public IncomingLineBuilder notes(String value) {
            notes = value;
            return this;
        }

        public IncomingRegisterLine build() {
            return new IncomingRegisterLine(arrivalDate, arrivalNumber, issuerName, numberSymbol, issuedDate,
                    typeName, summary, receivingUnit, transferDate, notes);
        }
    }

    public static final class OutgoingLineBuilder {
        private String numberSymbol = "89/TTr-SCT";
        private LocalDate issuedDate = LocalDate.of(2025, 4, 2);
        private String typeName = "Tờ trình";
        private String summary = "đề nghị phê duyệt Đề án thành lập cụm công nghiệp Hữu Lũng";
        private String signerName = "Hoàng Văn Đức";
        private String recipients = "UBND tỉnh Lạng Sơn; Lưu: VT, QLCN";
        private String keepingUnit = "Phòng Quản lý công nghiệp";
        private Integer copies = 3;
        private LocalDate transferDate = LocalDate.of(2025, 4, 2);
        private String notes;

        public OutgoingLineBuilder numberSymbol(String value) {
            numberSymbol = value;
            return this;
        }

        public OutgoingLineBuilder issuedDate(LocalDate value) {
            issuedDate = value;
            return this;
        }

        public OutgoingLineBuilder typeName(String value) {
            typeName = value;
            return this;
        }

        public OutgoingLineBuilder summary(String value) {
            summary = value;
            return this;
        }

        public OutgoingLineBuilder signerName(String value) {
            signerName = value;
            return this;
        }

        public OutgoingLineBuilder recipients(String value) {
            recipients = value;
            return this;
        }

        public OutgoingLineBuilder keepingUnit(String value) {
            keepingUnit = value;
            return this;
        }

        public OutgoingLineBuilder copies(Integer value) {
            copies = value;
            return this;
        }

        public OutgoingLineBuilder transferDate(LocalDate value) {
            transferDate = value;
            return this;
        }

        public OutgoingLineBuilder notes(String value) {
            notes = value;
            return this;
        }

        public OutgoingRegisterLine build() {
            return new OutgoingRegisterLine(numberSymbol, issuedDate, typeName, summary, signerName, recipients,
                    keepingUnit, copies, transferDate, notes);
        }
    }
}
