package vn.ccn.dms.procedure.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ccn.dms.audit.application.AuditTrail;
import vn.ccn.dms.calendar.domain.DayUnit;
import vn.ccn.dms.directory.application.DirectoryService;
import vn.ccn.dms.calendar.domain.TimeLimit;
import vn.ccn.dms.platform.DomainException;
import vn.ccn.dms.platform.Problem;
import vn.ccn.dms.procedure.domain.Procedure;
import vn.ccn.dms.procedure.domain.ProcedurePaper;
import vn.ccn.dms.procedure.domain.ProcedureStep;
import vn.ccn.dms.procedure.domain.RuleSet;
import vn.ccn.dms.procedure.domain.StepLimit;

/** Reads the procedure catalogue (migration V40; administrators change it by data, never by code). */
@Stateless
@PermitAll
public class ProcedureCatalog {

    @PersistenceContext(unitName = "dms")
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @EJB
    private DirectoryService directory;

    @Inject
    private Clock clock;

    public List<Procedure> procedures() {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select code from procedure_def where active order by name_vi")
                .getResultList();
        return codes.stream().map(this::procedure).toList();
    }

    public Procedure procedure(String code) {
        return find(code).orElseThrow(() -> new DomainException(Problem.NOT_FOUND,
                "Không có thủ tục với mã " + code));
    }

    public Optional<Procedure> find(String code) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> defs = em.createNativeQuery("select code, name_vi, legal_basis, lead_role, concerns_ccn"
                + " from procedure_def where code = ?1 and active").setParameter(1, code).getResultList();
        if (defs.isEmpty()) {
            return Optional.empty();
        }
        Object[] d = defs.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> roleRows = em.createNativeQuery("select step_code, role_code from procedure_step_opinion_role"
                + " where procedure_code = ?1 order by role_code").setParameter(1, code).getResultList();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roleRows.forEach(r -> roles.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
        @SuppressWarnings("unchecked")
        List<Object[]> stepRows = em.createNativeQuery("select code, seq, phase, kind, name_vi, responsible_role,"
                + " expected_documents, start_basis, opinions_before_completion, opinion_reply_amount, opinion_reply_unit,"
                + " legal_basis from procedure_step where procedure_code = ?1 order by seq").setParameter(1, code)
                .getResultList();
        List<ProcedureStep> steps = stepRows.stream().map(s -> new ProcedureStep((String) s[0],
                ((Number) s[1]).intValue(), (String) s[2], (String) s[3], (String) s[4], (String) s[5], (String) s[6],
                (String) s[7], (Boolean) s[8],
                s[9] == null ? null : new TimeLimit(((Number) s[9]).intValue(), DayUnit.valueOf((String) s[10])),
                roles.getOrDefault((String) s[0], List.of()), (String) s[11])).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> paperRows = em.createNativeQuery("select seq, name_vi, originals, copies, required, legal_basis"
                + " from procedure_paper where procedure_code = ?1 order by seq").setParameter(1, code).getResultList();
        List<ProcedurePaper> papers = paperRows.stream().map(p -> new ProcedurePaper(((Number) p[0]).intValue(),
                (String) p[1], ((Number) p[2]).intValue(), ((Number) p[3]).intValue(), (Boolean) p[4], (String) p[5]))
                .toList();
        return Optional.of(new Procedure((String) d[0], (String) d[1], (String) d[2], (String) d[3], (Boolean) d[4],
                steps, papers));
    }

    public List<RuleSet> ruleSets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, name_vi, legal_basis, effective_from, confirmed, note"
                + " from rule_set order by effective_from").getResultList();
        return rows.stream().map(ProcedureCatalog::ruleSet).toList();
    }

    /**
     * The rule set whose limits apply to a dossier of this procedure filed on {@code filingDate}: among the
     * rule sets that give this procedure limits, the latest in force on that date. Dossiers filed before an
     * amendment keep the old limits (Decree 303/2026 transition; BRIEF §4).
     */
    public Optional<RuleSet> ruleSetFor(String procedureCode, LocalDate filingDate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.code, r.name_vi, r.legal_basis, r.effective_from, r.confirmed,"
                        + " r.note from rule_set r where r.effective_from <= ?2 and exists (select 1 from procedure_time_limit l"
                        + " where l.rule_set_code = r.code and l.procedure_code = ?1) order by r.effective_from desc limit 1")
                .setParameter(1, procedureCode).setParameter(2, Date.valueOf(filingDate)).getResultList();
        return rows.stream().findFirst().map(ProcedureCatalog::ruleSet);
    }

    /** The limits of a procedure's steps under a rule set, by step code. */
    public Map<String, StepLimit> limits(String procedureCode, String ruleSetCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select step_code, amount, unit, pauses_for_supplements, legal_basis"
                        + " from procedure_time_limit where procedure_code = ?1 and rule_set_code = ?2")
                .setParameter(1, procedureCode).setParameter(2, ruleSetCode).getResultList();
        Map<String, StepLimit> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            out.put((String) r[0], new StepLimit((String) r[0], ruleSetCode,
                    new TimeLimit(((Number) r[1]).intValue(), DayUnit.valueOf((String) r[2])), (Boolean) r[3],
                    (String) r[4]));
        }
        return out;
    }

    /** An administrator confirms a rule set after checking it against the official text. */
    @RolesAllowed("ADMIN")
    public RuleSet confirmRuleSet(String code, String note) {
        int n = em.createNativeQuery("update rule_set set confirmed = true, confirmed_by = ?2, confirmed_at = ?3,"
                        + " note = coalesce(?4, note) where code = ?1")
                .setParameter(1, code).setParameter(2, directory.currentUser().username())
                .setParameter(3, Timestamp.from(clock.instant())).setParameter(4, note).executeUpdate();
        if (n == 0) {
            throw new DomainException(Problem.NOT_FOUND, "Không có bộ quy định thời hạn với mã " + code);
        }
        audit.record("CONFIRM_RULE_SET", "rule-set", code, note == null ? Map.of() : Map.of("note", note));
        return ruleSets().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private static RuleSet ruleSet(Object[] r) {
        return new RuleSet((String) r[0], (String) r[1], (String) r[2], ((Date) r[3]).toLocalDate(), (Boolean) r[4],
                (String) r[5]);
    }
}
