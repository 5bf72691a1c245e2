package vn.ccn.dms.register.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.directory.domain.Agency;
import vn.ccn.dms.directory.domain.AppUser;
import vn.ccn.dms.document.domain.Direction;
import vn.ccn.dms.document.domain.Document;
import vn.ccn.dms.document.domain.DocumentGrant;
import vn.ccn.dms.document.domain.Secrecy;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.register.application.print.IncomingRegisterLine;
import vn.ccn.dms.register.application.print.IncomingRegisterSheet;
import vn.ccn.dms.register.application.print.OutgoingRegisterLine;
import vn.ccn.dms.register.application.print.OutgoingRegisterSheet;
import vn.ccn.dms.register.domain.NumberPattern;
import vn.ccn.dms.register.domain.Register;
import vn.ccn.dms.register.infrastructure.pdf.PdfBoxRegisterPrinter;

/** Maintains registers and prints them in the paper form of Decree 30/2020 Appendix IV. */
@Stateless
public class RegisterService {

    /** A printout covers at most this many days, so one request cannot render years of registers. */
    static final int MAX_PRINT_DAYS = 366;

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private AuditTrail audit;

    @Inject
    private DmsSettings settings;

    @Inject
    private Clock clock;

    public record NewRegister(String agencyCode, Direction direction, String code, String name, String numberPattern,
            boolean secret) {
    }

    public record RegisterView(long id, String agencyCode, Direction direction, String code, String name,
            String numberPattern, boolean secret) {
        static RegisterView of(Register r) {
            return new RegisterView(r.id(), r.agency().code().value(), r.direction(), r.code(), r.name(),
                    r.numberPattern(), r.secret());
        }
    }

    @RolesAllowed("ADMIN")
    public RegisterView create(NewRegister request) {
        List<String> errors = new ArrayList<>();
        if (request.direction() == null) {
            errors.add("direction: INCOMING hoặc OUTGOING");
        }
        if (request.code() == null || !request.code().matches("[A-Za-z0-9._-]{1,32}")) {
            errors.add("code: 1-32 ký tự chữ, số, dấu chấm, gạch");
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.add("name: tên sổ là bắt buộc");
        }
        NumberPattern pattern = null;
        if (request.numberPattern() != null && !request.numberPattern().isBlank()) {
            try {
                pattern = new NumberPattern(request.numberPattern());
            } catch (IllegalArgumentException e) {
                errors.add("numberPattern: mẫu số không hợp lệ (cần {number}; cho phép {year}, {type}, {agency}, {unit})");
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("Thông tin sổ văn bản không hợp lệ", errors);
        }
        Agency agency = directory.agency(request.agencyCode());
        boolean exists = !em.createQuery("select r from Register r where r.agency = :a and r.code = :c", Register.class)
                .setParameter("a", agency).setParameter("c", request.code()).getResultList().isEmpty();
        if (exists) {
            throw new DomainException(Problem.CONFLICT, "Sổ " + request.code() + " đã có ở cơ quan này");
        }
        Register register = new Register(agency, request.direction(), request.code(), request.name().trim(), pattern,
                request.secret());
        em.persist(register);
        em.flush();
        audit.record("CREATE", "register", register.id().toString(),
                Map.of("agency", agency.code().value(), "code", register.code()));
        return RegisterView.of(register);
    }

    /** The registers of the caller's agency. */
    @PermitAll
    public List<RegisterView> ofMyAgency() {
        AppUser user = directory.currentUser();
        return em.createQuery("select r from Register r where r.agency = :a and r.active = true order by r.direction, r.code",
                Register.class).setParameter("a", user.agency()).getResultList().stream().map(RegisterView::of).toList();
    }

    /**
     * Writes the register for a date range as PDF. Only the agency's clerks, leaders and administrators print;
     * restricted documents appear only to those granted, like everywhere else.
     */
    @RolesAllowed({"CLERK", "LEADER", "ADMIN"})
    public void print(long registerId, LocalDate from, LocalDate to, OutputStream out) {
        AppUser user = directory.currentUser();
        Register register = em.find(Register.class, registerId);
        if (register == null || !register.agency().id().equals(user.agency().id())) {
            throw new DomainException(Problem.NOT_FOUND, "Không tìm thấy sổ văn bản " + registerId + " của cơ quan");
        }
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_PRINT_DAYS).isBefore(to)) {
            throw DomainException.invalid("Khoảng ngày in sổ không hợp lệ",
                    List.of("from, to: cần từ ngày, đến ngày (tối đa " + MAX_PRINT_DAYS + " ngày)"));
        }
        var start = from.atStartOfDay(settings.zone()).toInstant();
        var end = to.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        List<Document> docs = em.createQuery("select d from Document d where d.register = :r"
                        + " and ((d.direction = :in and d.arrivalAt >= :s and d.arrivalAt < :e)"
                        + " or (d.direction = :out and d.issuedDate >= :fd and d.issuedDate <= :td and d.number is not null))"
                        + " order by d.numberYear, d.number, d.arrivalYear, d.arrivalNumber", Document.class)
                .setParameter("r", register).setParameter("in", Direction.INCOMING).setParameter("out", Direction.OUTGOING)
                .setParameter("s", start).setParameter("e", end).setParameter("fd", from).setParameter("td", to)
                .getResultList().stream()
                .filter(d -> !d.secrecy().restricted()
                        || em.find(DocumentGrant.class, new DocumentGrant.Key(d.id(), user.id())) != null)
                .toList();
        ZonedDateTime printedAt = ZonedDateTime.now(clock.withZone(settings.zone()));
        PdfBoxRegisterPrinter printer = new PdfBoxRegisterPrinter();
        try {
            if (register.direction() == Direction.INCOMING) {
                printer.printIncoming(new IncomingRegisterSheet(register.agency().name(), register.name(), from, to,
                        printedAt, docs.stream().map(d -> new IncomingRegisterLine(
                                d.arrivalAt().atZone(settings.zone()).toLocalDate(), d.arrivalNumber(), d.issuerName(),
                                d.numberSymbol(), d.issuedDate(), d.type().nameVi(), d.summary(), d.receivingUnit(),
                                null, notes(d))).toList()), out);
            } else {
                printer.printOutgoing(new OutgoingRegisterSheet(register.agency().name(), register.name(), from, to,
                        printedAt, docs.stream().map(d -> new OutgoingRegisterLine(d.numberSymbol(), d.issuedDate(),
                                d.type().nameVi(), d.summary(), d.signerName(),
                                d.recipients().stream().map(r -> r.name()).collect(Collectors.joining("; ")),
                                d.keepingUnit(), d.copies(), null, notes(d))).toList()), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("PRINT_REGISTER", "register", register.id().toString(),
                Map.of("from", from.toString(), "to", to.toString(), "lines", Integer.toString(docs.size())));
    }

    private static String notes(Document d) {
        String secrecy = d.secrecy() == Secrecy.NONE ? null : d.secrecy().labelVi();
        String urgency = d.urgency().ordinal() == 0 ? null : d.urgency().labelVi();
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {urgency, secrecy, d.notes()}) {
            if (part != null && !part.isBlank()) {
                s.append(s.length() == 0 ? "" : "; ").append(part);
            }
        }
        return s.length() == 0 ? null : s.toString();
    }
}
