package vn.ccn.dms.signature.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The place and date of issue as Decree 30/2020/NĐ-CP Appendix I writes them: "Lạng Sơn, ngày 05 tháng 3 năm
 * 2026". Days below 10 and the months January and February take a leading zero ("ngày 05", "tháng 01",
 * "tháng 02"), so that nobody can add a digit in front of them on paper; other months do not.
 */
public final class IssueDate {

    private IssueDate() {
    }

    public static String format(String placeName, LocalDate date) {
        Objects.requireNonNull(placeName, "placeName");
        Objects.requireNonNull(date, "date");
        String day = String.format("%02d", date.getDayOfMonth());
        String month = date.getMonthValue() <= 2 ? String.format("%02d", date.getMonthValue()) : Integer.toString(date.getMonthValue());
        return placeName.trim() + ", ngày " + day + " tháng " + month + " năm " + date.getYear();
    }
}
