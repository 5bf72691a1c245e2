package vn.ccn.dms.devstack.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data must be accepted by the server as the API contract and the schema define it; these checks
 * catch a typo here before a run fails on it. Loading it is exercised by the run command against the server.
 */
class DemoDataTest {

    private static final Set<String> ROLE_CODES = Set.of("PLANNING_INVESTMENT", "FINANCE", "CONSTRUCTION",
            "NATURAL_RESOURCES_ENVIRONMENT", "AGRICULTURE", "TRANSPORT", "PROVINCIAL_POLICE", "MILITARY_COMMAND",
            "INVESTMENT_PROMOTION_CENTRE", "PROVINCIAL_INSPECTORATE", "INDUSTRY_TRADE", "PROVINCIAL_PEOPLES_COMMITTEE",
            "COMMUNE_PEOPLES_COMMITTEE", "MINISTRY_INDUSTRY_TRADE"); // the last: V40 (Decree 32/2024 Art. 10)
    private static final Map<String, DemoData.Agency> AGENCIES = DemoData.agencies().stream()
            .collect(Collectors.toMap(DemoData.Agency::code, Function.identity()));
    private static final Map<String, DemoData.User> USERS = DemoData.users().stream()
            .collect(Collectors.toMap(DemoData.User::username, Function.identity()));

    @Test
    void agenciesHaveThirteenCharacterIdentifiersAndKnownParents() {
        assertEquals(DemoData.agencies().size(), AGENCIES.size(), "identifiers are unique");
        for (DemoData.Agency a : DemoData.agencies()) {
            assertTrue(a.code().matches("[A-Z0-9]{3}\\.[A-Z0-9]{2}\\.[A-Z0-9]{2}\\.[A-Z0-9]{3}"), a.code());
            assertEquals(13, a.code().length());
            assertTrue(Set.of("CENTRAL", "PROVINCE", "DEPARTMENT", "COMMUNE", "OTHER").contains(a.level()));
            assertTrue(a.shortName().length() <= 32);
            assertTrue(a.parentCode() == null || AGENCIES.containsKey(a.parentCode()), a.code());
        }
        assertEquals("Ủy ban nhân dân tỉnh Lạng Sơn", AGENCIES.get("000.00.00.H37").name(),
                "the province is the agency the server bootstraps, so its POST answers 409");
    }

    @Test
    void rolesFollowTheMergerOfDepartmentsOnTheFirstOfMarch2025() {
        LocalDate before = LocalDate.of(2025, 2, 28);
        LocalDate after = LocalDate.of(2025, 3, 1);
        assertEquals(Set.of(DemoData.SKHDT), holders("PLANNING_INVESTMENT", before));
        assertEquals(Set.of(DemoData.STC), holders("PLANNING_INVESTMENT", after));
        assertEquals(Set.of(DemoData.STC), holders("FINANCE", after));
        assertEquals(Set.of(DemoData.SGTVT), holders("TRANSPORT", before));
        assertEquals(Set.of(DemoData.SXD), holders("TRANSPORT", after));
        assertEquals(Set.of(DemoData.SNNMT), holders("NATURAL_RESOURCES_ENVIRONMENT", after));
        assertEquals(Set.of(DemoData.SNNMT), holders("AGRICULTURE", after));
        assertEquals(Set.of(DemoData.XA_HUU_LUNG, DemoData.XA_CAO_LOC),
                holders("COMMUNE_PEOPLES_COMMITTEE", LocalDate.of(2025, 7, 1)));
        for (String role : ROLE_CODES) {
            assertFalse(holders(role, LocalDate.of(2025, 7, 1)).isEmpty(), role + " has a holder");
        }
        for (DemoData.RoleHolding h : DemoData.roleHoldings()) {
            assertTrue(ROLE_CODES.contains(h.roleCode()), h.roleCode());
            assertTrue(AGENCIES.containsKey(h.agencyCode()), h.agencyCode());
            assertTrue(h.validTo() == null || !h.validTo().isBefore(h.validFrom()), h.toString());
        }
    }

    @Test
    void usersAreValidLoginsOfKnownAgencies() {
        assertEquals(DemoData.users().size(), USERS.size(), "usernames are unique");
        for (DemoData.User u : DemoData.users()) {
            assertTrue(u.username().matches("[a-z0-9._-]{3,64}"), u.username());
            assertTrue(AGENCIES.containsKey(u.agencyCode()), u.username());
            assertTrue(Set.of("CLERK", "SPECIALIST", "LEADER", "READER", "ADMIN").containsAll(u.roles()));
        }
        assertEquals(List.of("CLERK"), USERS.get("vanthu.sct").roles());
        assertEquals(List.of("SPECIALIST"), USERS.get("chuyenvien.sct").roles());
        assertEquals(List.of("LEADER"), USERS.get("lanhdao.sct").roles());
        assertEquals(List.of("READER"), USERS.get("nguoidoc.sct").roles());
        assertEquals(DemoData.users().size(), DemoData.logins().size());
        DemoData.logins().forEach(l -> assertTrue(l.agencyName() != null, l.username()));
    }

    @Test
    void everyAgencyHasOneIncomingAndOneOutgoingRegister() {
        for (DemoData.Agency a : DemoData.agencies()) {
            assertEquals(1, DemoData.registers().stream().filter(r -> r.agencyCode().equals(a.code())
                    && r.direction().equals("INCOMING")).count(), a.code());
            assertTrue(DemoData.registers().stream().anyMatch(r -> r.agencyCode().equals(a.code())
                    && r.direction().equals("OUTGOING") && r.code().equals(DemoData.OUTGOING_REGISTER)), a.code());
        }
        Set<String> keys = new HashSet<>();
        DemoData.registers().forEach(r -> assertTrue(keys.add(r.agencyCode() + "/" + r.code()), "unique " + r));
        assertTrue(DemoData.registers().stream().anyMatch(r -> "{number}/{year}/{type}-{agency}".equals(r.numberPattern())
                && r.agencyCode().equals(DemoData.PROVINCE)));
    }

    @Test
    void incomingDocumentsAreRegisteredByClerksAndAreNoDuplicatesOfEachOther() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        assertTrue(DemoData.incoming(today).size() >= 10);
        Set<String> keys = new HashSet<>();
        for (DemoData.Incoming d : DemoData.incoming(today)) {
            assertFalse(d.issuedDate().isAfter(today), "the server refuses future issue dates: " + d.numberSymbol());
            assertTrue(d.dueDate() == null || !d.dueDate().isBefore(today.minusYears(1)), d.numberSymbol());
            assertTrue(USERS.get(d.clerk()).roles().contains("CLERK"), d.clerk());
            assertTrue(keys.add(d.clerk() + "|" + d.numberSymbol() + "|" + d.issuerName()), d.numberSymbol());
            assertTrue(d.issuerAgencyCode() == null || AGENCIES.containsKey(d.issuerAgencyCode()), d.numberSymbol());
            assertFalse(d.summary().isBlank());
            assertFalse(DemoData.typeName(d.typeCode()).isBlank());
            assertTrue(d.numberSymbol().contains(d.typeCode()) || d.typeCode().equals("CV"), d.numberSymbol());
        }
    }

    @Test
    void aDateBeforeTheDecisionStillGivesNoFutureIssueDate() {
        LocalDate early = LocalDate.of(2025, 1, 1);
        DemoData.incoming(early).forEach(d -> assertFalse(d.issuedDate().isAfter(early), d.numberSymbol()));
    }

    @Test
    void outgoingDocumentsAreDraftedBySpecialistsAndNumberedByClerksOfTheSameAgency() {
        assertEquals(3, DemoData.outgoing().size());
        Set<String> summaries = new HashSet<>();
        for (DemoData.Outgoing d : DemoData.outgoing()) {
            DemoData.User drafter = USERS.get(d.drafter());
            DemoData.User clerk = USERS.get(d.clerk());
            assertTrue(drafter.roles().contains("SPECIALIST"));
            assertTrue(clerk.roles().contains("CLERK"));
            assertEquals(drafter.agencyCode(), clerk.agencyCode());
            assertTrue(summaries.add(d.summary()), "summaries identify the drafts on a second load");
            d.recipients().forEach(r -> assertTrue(AGENCIES.containsKey(r.agencyCode()), r.name()));
        }
    }

    private static Set<String> holders(String role, LocalDate date) {
        return DemoData.roleHoldings().stream()
                .filter(h -> h.roleCode().equals(role) && !date.isBefore(h.validFrom())
                        && (h.validTo() == null || !date.isAfter(h.validTo())))
                .map(DemoData.RoleHolding::agencyCode)
                .collect(Collectors.toSet());
    }
}
