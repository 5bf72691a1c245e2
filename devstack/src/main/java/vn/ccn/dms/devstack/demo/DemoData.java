package vn.ccn.dms.devstack.demo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import vn.ccn.dms.devstack.api.ApiClient;
import vn.ccn.dms.devstack.api.ApiResponse;
import vn.ccn.dms.devstack.api.MultipartBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Demo data for the run command, loaded through the REST API v1 as a user would: the Lạng Sơn agencies that
 * Decision 09/2025/QĐ-UBND names, their functional roles with validity dates (including the 1 March 2025
 * merger of departments), registers, users of several application roles, and documents with PDF files about
 * establishing industrial clusters.
 *
 * <p>Loading is idempotent, so every run may call it: an existing agency, user, register or incoming document
 * is answered with 409 and left alone; role assignments are looked up before they are added; an outgoing
 * draft is found again by its summary and only numbered if it is not yet.
 *
 * <p>The 13-character agency identifiers are demo values in the shape of Decision 20/2020/QĐ-TTg
 * ({@code 000.00.xx.H37}, H37 being Lạng Sơn); they are not the province's real codes. The names of people
 * are invented.
 */
public final class DemoData {

    /** The Quy chế annexed to Decision 09/2025/QĐ-UBND took effect on 1 February 2025 (its Art. 2). */
    static final LocalDate QUY_CHE_EFFECTIVE = LocalDate.of(2025, 2, 1);
    /** Departments merged from 1 March 2025 (planning and investment into finance, transport into construction,
     *  natural resources and environment with agriculture). */
    static final LocalDate MERGER = LocalDate.of(2025, 3, 1);
    /** Two-level local government: the new communes exist from 1 July 2025. */
    static final LocalDate COMMUNES = LocalDate.of(2025, 7, 1);

    static final String PROVINCE = "000.00.00.H37";
    static final String SKHDT = "000.00.05.H37";
    static final String STC = "000.00.06.H37";
    static final String SCT = "000.00.07.H37";
    static final String SXD = "000.00.08.H37";
    static final String SGTVT = "000.00.09.H37";
    static final String STNMT = "000.00.10.H37";
    static final String SNNPTNT = "000.00.11.H37";
    static final String SNNMT = "000.00.12.H37";
    static final String THANH_TRA = "000.00.13.H37";
    static final String TTXT = "000.00.14.H37";
    static final String CONG_AN = "000.00.21.H37";
    static final String BCHQS = "000.00.22.H37";
    static final String XA_HUU_LUNG = "000.00.41.H37";
    static final String XA_CAO_LOC = "000.00.42.H37";
    /** The Ministry of Industry and Trade, which receives establishment decisions (Decree 32/2024 Art. 10). */
    static final String BCT = "000.00.00.G12";

    static final String INCOMING_REGISTER = "DEN";
    static final String OUTGOING_REGISTER = "DI";

    record Agency(String code, String name, String shortName, String level, String parentCode) {
    }

    record RoleHolding(String roleCode, String agencyCode, LocalDate validFrom, LocalDate validTo) {
    }

    record Register(String agencyCode, String direction, String code, String name, String numberPattern) {
    }

    /**
     * A demo login.
     *
     * @param username      login name
     * @param fullName      the person's name
     * @param positionTitle position (chức vụ)
     * @param agencyCode    the agency's identifier
     * @param agencyName    the agency's name
     * @param roles         application roles
     */
    public record DemoLogin(String username, String fullName, String positionTitle, String agencyCode,
                            String agencyName, List<String> roles) {
        public DemoLogin {
            roles = List.copyOf(roles);
        }
    }

    record Incoming(String clerk, String typeCode, String numberSymbol, String issuerName, String issuerAgencyCode,
                    LocalDate issuedDate, String summary, String signerName, String signerTitle, String urgency,
                    int pageCount, LocalDate dueDate, String receivingUnit, List<String> body) {
    }

    record Recipient(String agencyCode, String name) {
    }

    record Outgoing(String drafter, String clerk, String typeCode, String summary, String signerName,
                    String signerPosition, List<Recipient> recipients, String urgency, int pageCount, String unit,
                    String keepingUnit, List<String> body) {
    }

    /**
     * How many things of one kind were created and how many were already there.
     *
     * @param what     kind of thing, plural
     * @param created  created by this load
     * @param existing found already there
     */
    public record Tally(String what, int created, int existing) {
        @Override
        public String toString() {
            return what + ": " + created + " created, " + existing + " already there";
        }
    }

    /**
     * What a load did.
     *
     * @param logins  the demo users (all share the password given to {@link #load})
     * @param tallies counts per kind of thing
     * @param issued  number and symbol of each outgoing demo document
     */
    public record Result(List<DemoLogin> logins, List<Tally> tallies, List<String> issued) {
        public Result {
            logins = List.copyOf(logins);
            tallies = List.copyOf(tallies);
            issued = List.copyOf(issued);
        }
    }

    private DemoData() {
    }

    /**
     * Loads the demo data through the API; safe to call again on data it loaded before.
     *
     * @param admin        a client logged in as a user with role ADMIN
     * @param userPassword the password every demo user gets when created
     * @return the demo logins and what was created
     * @throws vn.ccn.dms.devstack.api.ApiException when the server answers something unexpected
     */
    public static Result load(ApiClient admin, String userPassword) {
        return load(admin, userPassword, Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    /**
     * As {@link #load(ApiClient, String)}, with the documents dated relative to {@code clock}'s today (the
     * server refuses issue dates in the future and deadlines more than a year old).
     */
    public static Result load(ApiClient admin, String userPassword, Clock clock) {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(userPassword, "userPassword");
        LocalDate today = LocalDate.now(Objects.requireNonNull(clock, "clock"));
        List<Tally> tallies = new ArrayList<>();
        tallies.add(createAll("agencies", agencies(), a -> admin.post("agencies", agencyJson(a))));
        tallies.add(roleAssignments(admin));
        tallies.add(createAll("users", users(), u -> admin.post("users", userJson(u, userPassword))));
        tallies.add(createAll("registers", registers(), r -> admin.post("registers", registerJson(r))));
        Path files = temporaryFolder();
        try {
            tallies.add(incomingDocuments(admin, userPassword, files, today));
            List<String> issued = new ArrayList<>();
            tallies.add(outgoingDocuments(admin, userPassword, files, issued, today));
            tallies.add(oneStop(admin, userPassword));
            tallies.add(provinceCcnDecision(admin, userPassword, files, issued, today));
            return new Result(logins(), tallies, issued);
        } finally {
            deleteQuietly(files);
        }
    }

    /** The demo users, without their password. */
    public static List<DemoLogin> logins() {
        Map<String, String> names = agencyNames();
        return users().stream()
                .map(u -> new DemoLogin(u.username(), u.fullName(), u.positionTitle(), u.agencyCode(),
                        names.get(u.agencyCode()), u.roles()))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------- the data

    static List<Agency> agencies() {
        return List.of(
                new Agency(PROVINCE, "Ủy ban nhân dân tỉnh Lạng Sơn", "UBND", "PROVINCE", null),
                new Agency(SCT, "Sở Công Thương tỉnh Lạng Sơn", "SCT", "DEPARTMENT", PROVINCE),
                new Agency(STC, "Sở Tài chính tỉnh Lạng Sơn", "STC", "DEPARTMENT", PROVINCE),
                new Agency(SKHDT, "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn", "SKHĐT", "DEPARTMENT", PROVINCE),
                new Agency(SXD, "Sở Xây dựng tỉnh Lạng Sơn", "SXD", "DEPARTMENT", PROVINCE),
                new Agency(SGTVT, "Sở Giao thông vận tải tỉnh Lạng Sơn", "SGTVT", "DEPARTMENT", PROVINCE),
                new Agency(SNNMT, "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn", "SNNMT", "DEPARTMENT", PROVINCE),
                new Agency(STNMT, "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn", "STNMT", "DEPARTMENT", PROVINCE),
                new Agency(SNNPTNT, "Sở Nông nghiệp và Phát triển nông thôn tỉnh Lạng Sơn", "SNNPTNT", "DEPARTMENT",
                        PROVINCE),
                new Agency(THANH_TRA, "Thanh tra tỉnh Lạng Sơn", "TTT", "DEPARTMENT", PROVINCE),
                new Agency(TTXT, "Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh Lạng Sơn", "TTXT", "OTHER",
                        PROVINCE),
                new Agency(CONG_AN, "Công an tỉnh Lạng Sơn", "CAT", "OTHER", null),
                new Agency(BCHQS, "Bộ Chỉ huy quân sự tỉnh Lạng Sơn", "BCHQS", "OTHER", null),
                new Agency(XA_HUU_LUNG, "Ủy ban nhân dân xã Hữu Lũng", "UBND", "COMMUNE", PROVINCE),
                new Agency(XA_CAO_LOC, "Ủy ban nhân dân xã Cao Lộc", "UBND", "COMMUNE", PROVINCE),
                new Agency(BCT, "Bộ Công Thương", "BCT", "CENTRAL", null));
    }

    /** Who holds each functional role of the Quy chế, and since when (QĐ 09/2025/QĐ-UBND, Art. 6.1.d). */
    static List<RoleHolding> roleHoldings() {
        LocalDate beforeMerger = MERGER.minusDays(1);
        return List.of(
                new RoleHolding("PROVINCIAL_PEOPLES_COMMITTEE", PROVINCE, QUY_CHE_EFFECTIVE, null),
                new RoleHolding("INDUSTRY_TRADE", SCT, QUY_CHE_EFFECTIVE, null),
                new RoleHolding("FINANCE", STC, QUY_CHE_EFFECTIVE, null),
                new RoleHolding("PLANNING_INVESTMENT", SKHDT, QUY_CHE_EFFECTIVE, beforeMerger),
                new RoleHolding("PLANNING_INVESTMENT", STC, MERGER, null),
                new RoleHolding("CONSTRUCTION", SXD, QUY_CHE_EFFECTIVE, null),
                new RoleHolding("TRANSPORT", SGTVT, QUY_CHE_EFFECTIVE, beforeMerger),
                new RoleHolding("TRANSPORT", SXD, MERGER, null),
                new RoleHolding("NATURAL_RESOURCES_ENVIRONMENT", STNMT, QUY_CHE_EFFECTIVE, beforeMerger),
                new RoleHolding("NATURAL_RESOURCES_ENVIRONMENT", SNNMT, MERGER, null),
                new RoleHolding("AGRICULTURE", SNNPTNT, QUY_CHE_EFFECTIVE, beforeMerger),
                new RoleHolding("AGRICULTURE", SNNMT, MERGER, null),
                new RoleHolding("PROVINCIAL_POLICE", CONG_AN, QUY_CHE_EFFECTIVE, null),
                new RoleHolding("MILITARY_COMMAND", BCHQS, QUY_CHE_EFFECTIVE, null),
                new RoleHolding("INVESTMENT_PROMOTION_CENTRE", TTXT, QUY_CHE_EFFECTIVE, null),
                new RoleHolding("PROVINCIAL_INSPECTORATE", THANH_TRA, QUY_CHE_EFFECTIVE, null),
                new RoleHolding("COMMUNE_PEOPLES_COMMITTEE", XA_HUU_LUNG, COMMUNES, null),
                new RoleHolding("COMMUNE_PEOPLES_COMMITTEE", XA_CAO_LOC, COMMUNES, null),
                new RoleHolding("MINISTRY_INDUSTRY_TRADE", BCT, QUY_CHE_EFFECTIVE, null));
    }

    record User(String username, String fullName, String positionTitle, String agencyCode, List<String> roles) {
    }

    static List<User> users() {
        return List.of(
                new User("vanthu.ubnd", "Lăng Thị Thu Trang", "Văn thư Văn phòng UBND tỉnh", PROVINCE, List.of("CLERK")),
                new User("vanthu.sct", "Nguyễn Thị Hương", "Văn thư", SCT, List.of("CLERK")),
                new User("chuyenvien.sct", "Hoàng Văn Nam", "Chuyên viên Phòng Quản lý công nghiệp", SCT,
                        List.of("SPECIALIST")),
                new User("lanhdao.sct", "Lương Văn Đức", "Phó Giám đốc", SCT, List.of("LEADER")),
                new User("nguoidoc.sct", "Vi Thị Lan", "Chuyên viên Văn phòng Sở", SCT, List.of("READER")),
                new User("vanthu.stc", "Nông Thị Mai", "Văn thư", STC, List.of("CLERK")),
                new User("chuyenvien.stc", "Chu Văn Hải", "Chuyên viên Phòng Tài chính đầu tư", STC,
                        List.of("SPECIALIST")),
                new User("vanthu.huulung", "Hà Thị Ngọc", "Văn thư", XA_HUU_LUNG, List.of("CLERK")),
                new User("chuyenvien.huulung", "Lộc Văn Tuấn", "Công chức Kinh tế", XA_HUU_LUNG, List.of("SPECIALIST")));
    }

    /** One incoming and one outgoing register per agency (Decree 30/2020 Art. 22), plus the province's
     *  register of legal normative documents, numbered by year ({@code 09/2025/QĐ-UBND}). */
    static List<Register> registers() {
        List<Register> registers = new ArrayList<>();
        for (Agency agency : agencies()) {
            registers.add(new Register(agency.code(), "INCOMING", INCOMING_REGISTER, "Sổ văn bản đến", null));
            registers.add(new Register(agency.code(), "OUTGOING", OUTGOING_REGISTER, "Sổ văn bản đi", null));
        }
        registers.add(new Register(PROVINCE, "OUTGOING", "QPPL", "Sổ văn bản quy phạm pháp luật",
                "{number}/{year}/{type}-{agency}"));
        return registers;
    }

    /** Dated relative to {@code today}, so that the server never sees a future issue date or a stale deadline. */
    static List<Incoming> incoming(LocalDate today) {
        LocalDate quyChe = LocalDate.of(2025, 1, 20).isAfter(today) ? today : LocalDate.of(2025, 1, 20);
        String hoSon = "cụm công nghiệp Hồ Sơn 2, xã Hữu Lũng";
        String nd32 = "Căn cứ Nghị định số 32/2024/NĐ-CP ngày 15 tháng 3 năm 2024 của Chính phủ về quản lý, phát triển"
                + " cụm công nghiệp;";
        return List.of(
                new Incoming("vanthu.sct", "QĐ", "09/2025/QĐ-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", PROVINCE,
                        quyChe,
                        "Quyết định ban hành Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh Lạng Sơn",
                        "Đoàn Thanh Sơn", "KT. Chủ tịch - Phó Chủ tịch", "NORMAL", 18, null,
                        "Phòng Quản lý công nghiệp",
                        List.of(nd32, "Theo đề nghị của Giám đốc Sở Công Thương tại Tờ trình số 89/TTr-SCT ngày 26"
                                        + " tháng 12 năm 2024.",
                                "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp trên địa"
                                        + " bàn tỉnh Lạng Sơn.",
                                "Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 02 năm 2025.")),
                new Incoming("vanthu.sct", "TTr", "45/TTr-UBND", "Ủy ban nhân dân xã Hữu Lũng", XA_HUU_LUNG,
                        today.minusDays(45), "Tờ trình đề nghị thành lập " + hoSon,
                        "Lộc Văn Thắng", "Chủ tịch", "URGENT", 6, today.plusDays(15),
                        "Phòng Quản lý công nghiệp",
                        List.of(nd32, "Ủy ban nhân dân xã Hữu Lũng kính trình Sở Công Thương thẩm định hồ sơ đề nghị"
                                + " thành lập " + hoSon + ", diện tích 48,5 ha, gồm báo cáo đầu tư thành lập cụm"
                                + " công nghiệp và văn bản đề nghị làm chủ đầu tư xây dựng hạ tầng kỹ thuật.")),
                new Incoming("vanthu.sct", "TTr", "38/TTr-UBND", "Ủy ban nhân dân xã Cao Lộc", XA_CAO_LOC,
                        today.minusDays(10), "Tờ trình đề nghị mở rộng cụm công nghiệp Hợp Thành, xã Cao Lộc",
                        "Hoàng Văn Bình", "Chủ tịch", "NORMAL", 5, null, "Phòng Quản lý công nghiệp",
                        List.of(nd32, "Ủy ban nhân dân xã Cao Lộc đề nghị mở rộng cụm công nghiệp Hợp Thành thêm"
                                + " 20 ha để đáp ứng nhu cầu mặt bằng sản xuất của doanh nghiệp thứ cấp.")),
                new Incoming("vanthu.sct", "CV", "1215/STC-TCĐT", "Sở Tài chính tỉnh Lạng Sơn", STC,
                        today.minusDays(25),
                        "Về việc tham gia ý kiến thẩm định hồ sơ đề nghị thành lập " + hoSon,
                        "Nguyễn Quang Huy", "KT. Giám đốc - Phó Giám đốc", "URGENT", 2, null,
                        "Phòng Quản lý công nghiệp",
                        List.of("Sở Tài chính nhất trí với hồ sơ về nguồn vốn và phương án tài chính đầu tư xây dựng"
                                + " hạ tầng kỹ thuật; đề nghị chủ đầu tư làm rõ tiến độ góp vốn.")),
                new Incoming("vanthu.sct", "CV", "2087/SXD-QHKT", "Sở Xây dựng tỉnh Lạng Sơn", SXD,
                        today.minusDays(24),
                        "Về việc tham gia ý kiến về quy hoạch và đấu nối hạ tầng giao thông của " + hoSon,
                        "Phạm Văn Long", "KT. Giám đốc - Phó Giám đốc", "NORMAL", 3, null,
                        "Phòng Quản lý công nghiệp",
                        List.of("Vị trí cụm công nghiệp phù hợp quy hoạch chung; phương án đấu nối với Quốc lộ 1A cần"
                                + " bổ sung nút giao và đánh giá an toàn giao thông.")),
                new Incoming("vanthu.sct", "CV", "1543/SNNMT-QLĐĐ", "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn",
                        SNNMT, today.minusDays(23),
                        "Về việc tham gia ý kiến về hiện trạng sử dụng đất và phương án bảo vệ môi trường " + hoSon,
                        "Vy Văn Toàn", "KT. Giám đốc - Phó Giám đốc", "NORMAL", 3, null,
                        "Phòng Quản lý công nghiệp",
                        List.of("Khu đất dự kiến có 6,2 ha đất trồng lúa; đề nghị bổ sung phương án chuyển mục đích"
                                + " sử dụng đất và đánh giá sơ bộ tác động môi trường.")),
                new Incoming("vanthu.sct", "CV", "912/CAT-PC07", "Công an tỉnh Lạng Sơn", CONG_AN,
                        today.minusDays(22),
                        "Về việc tham gia ý kiến về phòng cháy, chữa cháy và an ninh trật tự đối với " + hoSon,
                        "Hoàng Văn Quyết", "KT. Giám đốc - Phó Giám đốc", "NORMAL", 2, null,
                        "Phòng Quản lý công nghiệp",
                        List.of("Công an tỉnh không có ý kiến khác về an ninh trật tự; đề nghị thiết kế hệ thống"
                                + " cấp nước chữa cháy theo QCVN 06:2022/BXD.")),
                new Incoming("vanthu.sct", "BC", "27/BC-HTCN", "Công ty cổ phần Đầu tư hạ tầng công nghiệp Hữu Lũng",
                        null, today.minusDays(50),
                        "Báo cáo tình hình hoạt động của dự án đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp"
                                + " Hồ Sơn 1 (báo cáo định kỳ)",
                        "Trần Minh Khoa", "Giám đốc", "NORMAL", 4, null, "Phòng Quản lý công nghiệp",
                        List.of("Thực hiện Thông tư số 14/2024/TT-BCT, Công ty báo cáo tiến độ đầu tư hạ tầng, tỷ lệ"
                                + " lấp đầy và tình hình thu hút dự án thứ cấp trong kỳ báo cáo.")),
                new Incoming("vanthu.sct", "CV", "4321/BCT-CTĐP", "Bộ Công Thương", null, today.minusDays(5),
                        "Về việc báo cáo tình hình quản lý, phát triển cụm công nghiệp năm " + today.getYear(),
                        "Trương Thanh Hoài", "KT. Bộ trưởng - Thứ trưởng", "VERY_URGENT", 2, today.plusDays(20),
                        "Phòng Quản lý công nghiệp",
                        List.of("Đề nghị Sở Công Thương các tỉnh, thành phố báo cáo tình hình cụm công nghiệp theo"
                                + " Biểu số 04 Phụ lục I Thông tư số 14/2024/TT-BCT.")),
                new Incoming("vanthu.stc", "CV", "845/SCT-QLCN", "Sở Công Thương tỉnh Lạng Sơn", SCT,
                        today.minusDays(35),
                        "Về việc lấy ý kiến thẩm định hồ sơ đề nghị thành lập " + hoSon,
                        "Lương Văn Đức", "KT. Giám đốc - Phó Giám đốc", "URGENT", 2, today.minusDays(21),
                        "Phòng Tài chính đầu tư",
                        List.of("Sở Công Thương đề nghị Sở Tài chính tham gia ý kiến thẩm định theo Điều 11 Nghị định"
                                + " số 32/2024/NĐ-CP; quá thời hạn trên mà không có văn bản trả lời thì được hiểu là"
                                + " đồng ý (Điều 2 Quy chế ban hành kèm theo Quyết định số 09/2025/QĐ-UBND).")),
                new Incoming("vanthu.huulung", "CV", "866/SCT-QLCN", "Sở Công Thương tỉnh Lạng Sơn", SCT,
                        today.minusDays(30),
                        "Về việc hoàn thiện hồ sơ đề nghị thành lập " + hoSon,
                        "Lương Văn Đức", "KT. Giám đốc - Phó Giám đốc", "NORMAL", 2, today.plusDays(5),
                        "Bộ phận Kinh tế",
                        List.of("Đề nghị Ủy ban nhân dân xã Hữu Lũng bổ sung ý kiến của cộng đồng dân cư và phương án"
                                + " bồi thường, giải phóng mặt bằng vào hồ sơ đề nghị thành lập cụm công nghiệp.")));
    }

    static List<Outgoing> outgoing() {
        List<Recipient> appraisers = List.of(
                new Recipient(STC, "Sở Tài chính"), new Recipient(SXD, "Sở Xây dựng"),
                new Recipient(SNNMT, "Sở Nông nghiệp và Môi trường"), new Recipient(CONG_AN, "Công an tỉnh"),
                new Recipient(BCHQS, "Bộ Chỉ huy quân sự tỉnh"));
        List<Recipient> meeting = new ArrayList<>(appraisers);
        meeting.add(new Recipient(XA_HUU_LUNG, "Ủy ban nhân dân xã Hữu Lũng"));
        return List.of(
                new Outgoing("chuyenvien.sct", "vanthu.sct", "CV",
                        "Về việc lấy ý kiến thẩm định hồ sơ đề nghị mở rộng cụm công nghiệp Hợp Thành, xã Cao Lộc",
                        "Lương Văn Đức", "Phó Giám đốc", appraisers, "URGENT", 2, "QLCN", "Phòng Quản lý công nghiệp",
                        List.of("Sở Công Thương nhận được Tờ trình số 38/TTr-UBND của Ủy ban nhân dân xã Cao Lộc đề"
                                + " nghị mở rộng cụm công nghiệp Hợp Thành. Đề nghị các cơ quan tham gia ý kiến"
                                + " thẩm định trong thời hạn 10 ngày làm việc.")),
                new Outgoing("chuyenvien.sct", "vanthu.sct", "GM",
                        "Giấy mời họp thẩm định hồ sơ đề nghị thành lập cụm công nghiệp Hồ Sơn 2, xã Hữu Lũng",
                        "Lương Văn Đức", "Phó Giám đốc", meeting, "NORMAL", 1, "QLCN", "Phòng Quản lý công nghiệp",
                        List.of("Sở Công Thương trân trọng kính mời đại diện lãnh đạo các cơ quan dự họp thẩm định"
                                + " hồ sơ đề nghị thành lập cụm công nghiệp Hồ Sơn 2 tại phòng họp tầng 3, trụ sở"
                                + " Sở Công Thương.")),
                new Outgoing("chuyenvien.sct", "vanthu.sct", "TTr",
                        "Tờ trình về việc thành lập cụm công nghiệp Hồ Sơn 2, xã Hữu Lũng và giao chủ đầu tư xây"
                                + " dựng hạ tầng kỹ thuật",
                        "Lương Văn Đức", "Phó Giám đốc",
                        List.of(new Recipient(PROVINCE, "Ủy ban nhân dân tỉnh Lạng Sơn")), "NORMAL", 4, "QLCN",
                        "Phòng Quản lý công nghiệp",
                        List.of("Trên cơ sở ý kiến thẩm định của các sở, ngành, Sở Công Thương kính trình Ủy ban nhân"
                                + " dân tỉnh xem xét, quyết định thành lập cụm công nghiệp Hồ Sơn 2 theo Điều 12"
                                + " Nghị định số 32/2024/NĐ-CP.")));
    }

    // ------------------------------------------------------------------------------------------- the loading

    private interface Creator<T> {
        ApiResponse create(T item);
    }

    /** POSTs each item; 201 counts as created, 409 as already there, anything else fails the load. */
    private static <T> Tally createAll(String what, List<T> items, Creator<T> creator) {
        int created = 0;
        int existing = 0;
        for (T item : items) {
            ApiResponse response = creator.create(item).expect(200, 201, 409);
            if (response.status() == 409) {
                existing++;
            } else {
                created++;
            }
        }
        return new Tally(what, created, existing);
    }

    /** The API has no natural key for assignments, so each is looked up by role and date before it is added. */
    private static Tally roleAssignments(ApiClient admin) {
        int created = 0;
        int existing = 0;
        for (RoleHolding holding : roleHoldings()) {
            JsonArray holders = admin.get(ApiClient.withQuery("role-assignments/holders",
                    Map.of("role", holding.roleCode(), "date", holding.validFrom().toString()))).expect(200).array();
            boolean held = holders.stream()
                    .map(JsonValue::asJsonObject)
                    .anyMatch(h -> holding.agencyCode().equals(h.getString("code", null)));
            if (held) {
                existing++;
                continue;
            }
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("roleCode", holding.roleCode())
                    .add("agencyCode", holding.agencyCode())
                    .add("validFrom", holding.validFrom().toString());
            if (holding.validTo() != null) {
                json.add("validTo", holding.validTo().toString());
            }
            admin.post("role-assignments", json.build()).expect(200, 201);
            created++;
        }
        return new Tally("role assignments", created, existing);
    }

    private static Tally incomingDocuments(ApiClient admin, String password, Path files, LocalDate today) {
        int created = 0;
        int existing = 0;
        Map<String, String> agencyNames = agencyNames();
        for (Incoming doc : incoming(today)) {
            Path pdf = files.resolve(doc.numberSymbol().replaceAll("[^\\p{L}\\p{N}.-]+", "-") + ".pdf");
            Agency issuer = doc.issuerAgencyCode() == null ? null : agency(doc.issuerAgencyCode());
            DemoPdf.write(new DemoPdf.Letter(
                    issuer == null || issuer.parentCode() == null ? null : agencyNames.get(issuer.parentCode()),
                    doc.issuerName(), doc.numberSymbol(), null, placeOf(doc), doc.issuedDate(),
                    typeName(doc.typeCode()), doc.summary(), doc.body(), doc.signerTitle(), doc.signerName()), pdf);
            JsonObjectBuilder metadata = Json.createObjectBuilder()
                    .add("typeCode", doc.typeCode())
                    .add("numberSymbol", doc.numberSymbol())
                    .add("issuerName", doc.issuerName())
                    .add("issuedDate", doc.issuedDate().toString())
                    .add("summary", doc.summary())
                    .add("signerName", doc.signerName())
                    .add("urgency", doc.urgency())
                    .add("secrecy", "NONE")
                    .add("pageCount", doc.pageCount())
                    .add("receivingUnit", doc.receivingUnit());
            if (doc.issuerAgencyCode() != null) {
                metadata.add("issuerAgencyCode", doc.issuerAgencyCode());
            }
            if (doc.dueDate() != null) {
                metadata.add("dueDate", doc.dueDate().toString());
            }
            MultipartBody body = MultipartBody.builder()
                    .json("metadata", metadata.build())
                    .file("file", pdf, "application/pdf")
                    .build();
            // A duplicate (same number, symbol and issuer) is refused with 409: the document is already there.
            ApiResponse response = admin.as(doc.clerk(), password).post("documents/incoming", body).expect(201, 409);
            if (response.status() == 409) {
                existing++;
            } else {
                created++;
            }
        }
        return new Tally("incoming documents", created, existing);
    }

    /**
     * Issue 5: a CCN and an establishment dossier received at SCT's desk, accepted and forwarded, so the
     * tracking board and the dossier pages have something to show. Idempotent by the dossier's submission key.
     */
    private static Tally oneStop(ApiClient admin, String password) {
        int created = 0;
        int existing = 0;
        ApiResponse ccn = admin.post("ccns", Json.createObjectBuilder().add("code", "CCN-HOSON-2")
                .add("name", "Cụm công nghiệp Hồ Sơn 2").add("communeAgencyCode", XA_HUU_LUNG).build()).expect(201, 409);
        if (ccn.status() == 201) {
            created++;
        } else {
            existing++;
        }
        ApiClient clerk = admin.as("vanthu.sct", password);
        var papers = Json.createArrayBuilder();
        for (int seq = 1; seq <= 4; seq++) {
            papers.add(Json.createObjectBuilder().add("seq", seq).add("received", true).add("electronic", seq == 4));
        }
        ApiResponse dossier = clerk.post("dossiers", Json.createObjectBuilder().add("procedureCode", "CCN_ESTABLISHMENT")
                .add("applicantKind", "ORGANISATION").add("applicantName", "Ủy ban nhân dân xã Hữu Lũng")
                .add("applicantAgencyCode", XA_HUU_LUNG).add("applicantAddress", "xã Hữu Lũng, tỉnh Lạng Sơn")
                .add("channel", "INTER_AGENCY").add("ccnCode", "CCN-HOSON-2").add("paperSets", 2).add("papers", papers)
                .add("summary", "Hồ sơ đề nghị thành lập Cụm công nghiệp Hồ Sơn 2, xã Hữu Lũng")
                .add("submissionKey", "demo-hoson-2").build()).expect(200, 201);
        if (dossier.status() == 201) {
            created++;
            String id = dossier.object().getJsonNumber("id").toString();
            clerk.post("dossiers/" + id + "/actions/ACCEPT", Json.createObjectBuilder().build()).expect(200);
            clerk.post("dossiers/" + id + "/actions/FORWARD", Json.createObjectBuilder().build()).expect(200);
        } else {
            existing++;
        }
        return new Tally("one-stop CCN and dossiers", created, existing);
    }

    private static Tally outgoingDocuments(ApiClient admin, String password, Path files, List<String> issued,
                                           LocalDate today) {
        int created = 0;
        int existing = 0;
        int n = 0;
        for (Outgoing doc : outgoing()) {
            n++;
            ApiClient drafter = admin.as(doc.drafter(), password);
            ApiClient clerk = admin.as(doc.clerk(), password);
            Optional<JsonObject> found = findOutgoing(drafter, doc.summary());
            JsonValue id;
            if (found.isPresent()) {
                existing++;
                id = found.get().get("id");
            } else {
                JsonArrayBuilder recipients = Json.createArrayBuilder();
                doc.recipients().forEach(r -> recipients.add(Json.createObjectBuilder()
                        .add("agencyCode", r.agencyCode()).add("name", r.name())));
                JsonObject draft = drafter.post("documents/outgoing", Json.createObjectBuilder()
                        .add("typeCode", doc.typeCode())
                        .add("summary", doc.summary())
                        .add("signerName", doc.signerName())
                        .add("signerPosition", doc.signerPosition())
                        .add("registerId", outgoingRegisterId(drafter))
                        .add("recipients", recipients)
                        .add("urgency", doc.urgency())
                        .add("secrecy", "NONE")
                        .add("pageCount", doc.pageCount())
                        .add("keepingUnit", doc.keepingUnit())
                        .add("copies", doc.recipients().size() + 2)
                        .build()).expect(201).object();
                id = draft.get("id");
                Path pdf = files.resolve("du-thao-" + n + ".pdf");
                DemoPdf.write(new DemoPdf.Letter("Ủy ban nhân dân tỉnh Lạng Sơn", "Sở Công Thương", null,
                        "/" + (doc.typeCode().equals("CV") ? "SCT-" + doc.unit() : doc.typeCode() + "-SCT"), "Lạng Sơn",
                        today, typeName(doc.typeCode()), doc.summary(), doc.body(),
                        "KT. Giám đốc - " + doc.signerPosition(), doc.signerName()), pdf);
                drafter.post("documents/" + idText(id) + "/files",
                        MultipartBody.builder().file("file", pdf, "application/pdf").build()).expect(200, 201);
                created++;
            }
            JsonObject current = found.orElse(null);
            String numberSymbol = current == null ? null : current.getString("numberSymbol", null);
            if (numberSymbol == null) {
                JsonObject numbered = clerk.post("documents/" + idText(id) + "/number",
                        Json.createObjectBuilder().add("unit", doc.unit()).build()).expect(200).object();
                numberSymbol = numbered.getString("numberSymbol", "?");
            }
            issued.add(numberSymbol + "  " + doc.summary());
        }
        return new Tally("outgoing documents", created, existing);
    }

    /** Summary of the province's demo decision about an existing cluster (see {@link #provinceCcnDecision}). */
    static final String PROVINCE_DECISION = "Quyết định về việc điều chỉnh tiến độ thực hiện dự án đầu tư xây dựng hạ"
            + " tầng kỹ thuật cụm công nghiệp Hồ Sơn 1, xã Hữu Lũng";

    /**
     * The Provincial People's Committee issues a decision about an existing cluster from its own desk, tagged with
     * that cluster: the distribution rule (Quy chế Điều 2.2.b) sends its copy to the Department of Industry and
     * Trade, so SCT's page "Văn bản gửi để theo dõi" shows what the rule does. Idempotent by the summary.
     */
    private static Tally provinceCcnDecision(ApiClient admin, String password, Path files, List<String> issued,
            LocalDate today) {
        admin.post("ccns", Json.createObjectBuilder().add("code", "CCN-HOSON-1").add("name", "Cụm công nghiệp Hồ Sơn 1")
                .add("communeAgencyCode", XA_HUU_LUNG).build()).expect(201, 409);
        ApiClient clerk = admin.as("vanthu.ubnd", password);
        Optional<JsonObject> found = findOutgoing(clerk, PROVINCE_DECISION);
        JsonValue id;
        if (found.isPresent()) {
            id = found.get().get("id");
        } else {
            id = clerk.post("documents/outgoing", Json.createObjectBuilder()
                    .add("typeCode", "QĐ").add("summary", PROVINCE_DECISION)
                    .add("signerName", "Đoàn Thanh Sơn").add("signerPosition", "Phó Chủ tịch")
                    .add("registerId", outgoingRegisterId(clerk))
                    .add("recipients", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("agencyCode", XA_HUU_LUNG).add("name", "Ủy ban nhân dân xã Hữu Lũng")))
                    .add("urgency", "NORMAL").add("secrecy", "NONE").add("pageCount", 2)
                    .add("keepingUnit", "Văn phòng Ủy ban nhân dân tỉnh").add("copies", 4)
                    .build()).expect(201).object().get("id");
            clerk.put("documents/" + idText(id) + "/ccns/CCN-HOSON-1", JsonValue.EMPTY_JSON_OBJECT).expect(204);
            Path pdf = files.resolve("quyet-dinh-ho-son-1.pdf");
            DemoPdf.write(new DemoPdf.Letter(null, "Ủy ban nhân dân tỉnh Lạng Sơn", null, "/QĐ-UBND", "Lạng Sơn", today,
                    "Quyết định", PROVINCE_DECISION, List.of(
                            "Căn cứ Nghị định số 32/2024/NĐ-CP ngày 15 tháng 3 năm 2024 của Chính phủ về quản lý, phát"
                                    + " triển cụm công nghiệp;",
                            "Xét đề nghị của Giám đốc Sở Công Thương và báo cáo của chủ đầu tư hạ tầng kỹ thuật cụm"
                                    + " công nghiệp Hồ Sơn 1;",
                            "Điều 1. Điều chỉnh tiến độ hoàn thành đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp"
                                    + " Hồ Sơn 1 đến hết quý IV năm " + (today.getYear() + 1) + ".",
                            "Điều 2. Sở Công Thương theo dõi, đôn đốc chủ đầu tư thực hiện theo tiến độ được điều"
                                    + " chỉnh."),
                    "TM. Ủy ban nhân dân - KT. Chủ tịch - Phó Chủ tịch", "Đoàn Thanh Sơn"), pdf);
            clerk.post("documents/" + idText(id) + "/files",
                    MultipartBody.builder().file("file", pdf, "application/pdf").build()).expect(200, 201);
        }
        String numberSymbol = found.map(d -> d.getString("numberSymbol", null)).orElse(null);
        if (numberSymbol == null) {
            numberSymbol = clerk.post("documents/" + idText(id) + "/number", JsonValue.EMPTY_JSON_OBJECT).expect(200)
                    .object().getString("numberSymbol", "?");
        }
        issued.add(numberSymbol + "  " + PROVINCE_DECISION + " (bản sao gửi Sở Công Thương theo dõi)");
        return new Tally("province decision copied to the Department of Industry and Trade", found.isEmpty() ? 1 : 0,
                found.isPresent() ? 1 : 0);
    }

    /** The caller's agency's outgoing register, from {@code GET /registers}. */
    static JsonValue outgoingRegisterId(ApiClient user) {
        return user.get("registers").expect(200).array().stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> "OUTGOING".equals(r.getString("direction", null))
                        && OUTGOING_REGISTER.equals(r.getString("code", null)))
                .map(r -> r.get("id"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("GET /registers for " + user.username()
                        + " lists no OUTGOING register with code " + OUTGOING_REGISTER));
    }

    /** An outgoing document of the caller's agency with exactly this summary, paging through the list. */
    private static Optional<JsonObject> findOutgoing(ApiClient user, String summary) {
        int size = 100;
        for (int page = 0; page < 100; page++) {
            JsonObject result = user.get(ApiClient.withQuery("documents",
                    orderedMap("direction", "OUTGOING", "page", page, "size", size))).expect(200).object();
            JsonArray items = result.getJsonArray("items");
            Optional<JsonObject> match = items.stream().map(JsonValue::asJsonObject)
                    .filter(d -> summary.equals(d.getString("summary", null)))
                    .findFirst();
            if (match.isPresent() || items.size() < size) {
                return match;
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String idText(JsonValue id) {
        return id.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) id).getString()
                : id.toString();
    }

    private static JsonObject agencyJson(Agency a) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("code", a.code()).add("name", a.name()).add("shortName", a.shortName()).add("level", a.level());
        if (a.parentCode() != null) {
            json.add("parentCode", a.parentCode());
        }
        return json.build();
    }

    private static JsonObject userJson(User u, String password) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        u.roles().forEach(roles::add);
        return Json.createObjectBuilder()
                .add("username", u.username()).add("password", password).add("fullName", u.fullName())
                .add("positionTitle", u.positionTitle()).add("agencyCode", u.agencyCode()).add("roles", roles)
                .build();
    }

    private static JsonObject registerJson(Register r) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("agencyCode", r.agencyCode()).add("direction", r.direction()).add("code", r.code())
                .add("name", r.name()).add("secret", false);
        if (r.numberPattern() != null) {
            json.add("numberPattern", r.numberPattern());
        }
        return json.build();
    }

    private static Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        agencies().forEach(a -> names.put(a.code(), a.name()));
        return names;
    }

    private static Agency agency(String code) {
        return agencies().stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo agency " + code));
    }

    private static String placeOf(Incoming doc) {
        if (doc.issuerAgencyCode() == null) {
            return doc.issuerName().equals("Bộ Công Thương") ? "Hà Nội" : "Hữu Lũng";
        }
        return switch (doc.issuerAgencyCode()) {
            case XA_HUU_LUNG -> "Hữu Lũng";
            case XA_CAO_LOC -> "Cao Lộc";
            default -> "Lạng Sơn";
        };
    }

    static String typeName(String typeCode) {
        return switch (typeCode) {
            case "QĐ" -> "Quyết định";
            case "TTr" -> "Tờ trình";
            case "CV" -> "Công văn";
            case "BC" -> "Báo cáo";
            case "TB" -> "Thông báo";
            case "KH" -> "Kế hoạch";
            case "BB" -> "Biên bản";
            case "GM" -> "Giấy mời";
            default -> throw new IllegalArgumentException("No demo name for document type " + typeCode);
        };
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("ccn-dms-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the demo PDFs", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Only temporary demo PDFs are left behind; nothing depends on them.
        }
    }
}
