package vn.ccn.dms.dossier.application.forms;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The agency block printed at the top left of every form and the place of the date line.
 *
 * @param parentAgencyName the managing body, in capitals, e.g. "UBND TỈNH LẠNG SƠN"; may be blank
 * @param agencyName       the issuing agency, in capitals, e.g. "SỞ CÔNG THƯƠNG"
 * @param placeName        the place of the date line, e.g. "Lạng Sơn"
 * @param zone             the zone in which every instant of the form is printed, e.g. Asia/Ho_Chi_Minh
 */
public record FormHeader(String parentAgencyName, String agencyName, String placeName, ZoneId zone) {

    public FormHeader {
        Objects.requireNonNull(zone, "zone");
    }
}
