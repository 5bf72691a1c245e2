package vn.ccn.dms.register.application.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.anIncomingLine;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.anIncomingSheet;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.anOutgoingLine;
import static vn.ccn.dms.register.application.print.RegisterSheetBuilders.anOutgoingSheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterSheetTest {

    @Test
    void incomingSheetRequiresItsHeadingAndLines() {
        assertEquals("agencyName",
                assertThrows(NullPointerException.class, () -> anIncomingSheet().agencyName(null).build()).getMessage());
        assertEquals("registerName",
                assertThrows(NullPointerException.class, () -> anIncomingSheet().registerName(null).build()).getMessage());
        assertEquals("from", assertThrows(NullPointerException.class,
                () -> anIncomingSheet().period(null, LocalDate.of(2025, 12, 31)).build()).getMessage());
        assertEquals("printedAt",
                assertThrows(NullPointerException.class, () -> anIncomingSheet().printedAt(null).build()).getMessage());
        assertEquals("lines",
                assertThrows(NullPointerException.class, () -> anIncomingSheet().lines(null).build()).getMessage());
        assertThrows(NullPointerException.class,
                () -> anIncomingSheet().lines(Arrays.asList(anIncomingLine().build(), null)).build());
    }

    @Test
    void periodMustNotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class,
                () -> anIncomingSheet().period(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 31)).build());
        assertThrows(IllegalArgumentException.class,
                () -> anOutgoingSheet().period(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 31)).build());
        assertEquals(LocalDate.of(2025, 1, 1), anIncomingSheet()
                .period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1)).build().to());
    }

    @Test
    void sheetKeepsACopyOfItsLines() {
        List<IncomingRegisterLine> lines = new ArrayList<>(List.of(anIncomingLine().build()));
        IncomingRegisterSheet sheet = anIncomingSheet().lines(lines).build();
        lines.clear();
        assertEquals(1, sheet.lines().size());
        assertThrows(UnsupportedOperationException.class, () -> sheet.lines().clear());
    }

    @Test
    void incomingLineRequiresDateIssuerSummaryAndAPositiveNumber() {
        assertEquals("arrivalDate",
                assertThrows(NullPointerException.class, () -> anIncomingLine().arrivalDate(null).build()).getMessage());
        assertEquals("issuerName",
                assertThrows(NullPointerException.class, () -> anIncomingLine().issuerName(null).build()).getMessage());
        assertEquals("summary",
                assertThrows(NullPointerException.class, () -> anIncomingLine().summary(null).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> anIncomingLine().arrivalNumber(0).build());
    }

    @Test
    void incomingLineAcceptsTheOptionalColumnsEmpty() {
        IncomingRegisterLine line = anIncomingLine().numberSymbol(null).issuedDate(null).typeName(null)
                .receivingUnit(null).transferDate(null).notes(null).build();
        assertNull(line.numberSymbol());
        assertNull(line.transferDate());
    }

    @Test
    void outgoingLineRequiresNumberDateSummarySignerAndPositiveCopies() {
        assertEquals("numberSymbol",
                assertThrows(NullPointerException.class, () -> anOutgoingLine().numberSymbol(null).build()).getMessage());
        assertEquals("issuedDate",
                assertThrows(NullPointerException.class, () -> anOutgoingLine().issuedDate(null).build()).getMessage());
        assertEquals("summary",
                assertThrows(NullPointerException.class, () -> anOutgoingLine().summary(null).build()).getMessage());
        assertEquals("signerName",
                assertThrows(NullPointerException.class, () -> anOutgoingLine().signerName(null).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> anOutgoingLine().copies(0).build());
        assertNull(anOutgoingLine().copies(null).recipients(null).keepingUnit(null).transferDate(null).notes(null)
                .build().copies());
    }
}
