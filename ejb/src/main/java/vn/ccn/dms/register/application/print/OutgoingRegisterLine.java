package vn.ccn.dms.register.application.print;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of the outgoing register, in the columns of Decree 30/2020/NĐ-CP Appendix IV (sổ đăng ký văn
 * bản đi). The "Ký nhận" column has no field: it stays empty for the receiver's hand signature.
 *
 * @param numberSymbol number and symbol as issued, e.g. "09/2025/QĐ-UBND" or "05/SCT-QLCN"
 * @param issuedDate   ngày tháng văn bản
 * @param typeName     tên loại such as "Tờ trình"; {@code null} for a letter (công văn), which has none
 * @param summary      trích yếu nội dung
 * @param signerName   người ký
 * @param recipients   nơi nhận văn bản, as written under "Nơi nhận"; may be {@code null}
 * @param keepingUnit  đơn vị, người nhận bản lưu; may be {@code null}
 * @param copies       số lượng bản; {@code null} when not recorded, otherwise at least 1
 * @param transferDate ngày chuyển; {@code null} while not yet transferred
 * @param notes        ghi chú; may be {@code null}
 */
public record OutgoingRegisterLine(
        String numberSymbol,
        LocalDate issuedDate,
        String typeName,
        String summary,
        String signerName,
        String recipients,
        String keepingUnit,
        Integer copies,
        LocalDate transferDate,
        String notes) {

    public OutgoingRegisterLine {
        Objects.requireNonNull(numberSymbol, "numberSymbol");
        Objects.requireNonNull(issuedDate, "issuedDate");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(signerName, "signerName");
        if (copies != null && copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1 when given, was " + copies);
        }
    }
}
