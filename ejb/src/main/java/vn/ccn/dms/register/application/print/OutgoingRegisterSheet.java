package vn.ccn.dms.register.application.print;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One printout of an outgoing register (sổ đăng ký văn bản đi) for the period {@code from}–{@code to},
 * both days included, with the lines in the order they are to be printed (normally by number).
 *
 * @param agencyName   the agency keeping the register, printed at the top as given
 * @param registerName the register's own name, e.g. "Sổ văn bản đi năm 2025"
 * @param printedAt    when the printout was made, printed in the footer in its own time zone
 * @param lines        the entries; may be empty (the printout then says so)
 */
public record OutgoingRegisterSheet(
        String agencyName,
        String registerName,
        LocalDate from,
        LocalDate to,
        ZonedDateTime printedAt,
        List<OutgoingRegisterLine> lines) {

    public OutgoingRegisterSheet {
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(registerName, "registerName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(printedAt, "printedAt");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
    }
}
