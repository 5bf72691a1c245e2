package vn.ccn.dms.register.application.print;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of the incoming register, in the columns of Decree 30/2020/NĐ-CP Appendix IV (sổ đăng ký văn
 * bản đến). The "Ký nhận" column has no field: it stays empty for the receiver's hand signature.
 *
 * @param arrivalDate   ngày đến
 * @param arrivalNumber số đến, the register's yearly sequence starting at 1 (printed 01..09 below 10)
 * @param issuerName    tác giả: the agency that issued the document
 * @param numberSymbol  số, ký hiệu such as "89/TTr-SCT"; {@code null} for a document that has none
 * @param issuedDate    ngày tháng of the document; {@code null} when the document bears no date
 * @param typeName      tên loại such as "Quyết định"; {@code null} for a letter (công văn), which has none
 * @param summary       trích yếu nội dung
 * @param receivingUnit đơn vị hoặc người nhận; {@code null} while not yet assigned
 * @param transferDate  ngày chuyển; {@code null} while not yet transferred
 * @param notes         ghi chú; may be {@code null}
 */
public record IncomingRegisterLine(
        LocalDate arrivalDate,
        int arrivalNumber,
        String issuerName,
        String numberSymbol,
        LocalDate issuedDate,
        String typeName,
        String summary,
        String receivingUnit,
        LocalDate transferDate,
        String notes) {

    public IncomingRegisterLine {
        Objects.requireNonNull(arrivalDate, "arrivalDate");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(summary, "summary");
        if (arrivalNumber < 1) {
            // Decree 30/2020/NĐ-CP Art. 22: arrival numbers run in sequence through the year, starting at 01.
            throw new IllegalArgumentException("arrivalNumber must be at least 1, was " + arrivalNumber);
        }
    }
}
