package vn.ccn.dms.search.elasticsearch;

import vn.ccn.dms.search.IndexedDocument;

import java.time.LocalDate;

/** Builders of realistic index entries for the tests. */
final class TestDocuments {

    static final String AGENCY_A = "agency:000.00.00.H37";
    static final String AGENCY_B = "agency:000.00.00.H40";

    private TestDocuments() {
    }

    /** A decision of the provincial People's Committee, readable by agency A, with every field set. */
    static IndexedDocument.Builder aDecision(String id) {
        return IndexedDocument.builder(id)
                .versionId(id + "-v1")
                .numberSymbol("01/2025/QĐ-UBND")
                .type("QD")
                .typeName("Quyết định")
                .issuer("UBND tỉnh Lạng Sơn")
                .agencyCode("000.00.00.H37")
                .date(LocalDate.of(2025, 3, 1))
                .secrecy("THUONG")
                .dossierCode("H37.01-2025-001")
                .ccn("CCN-HL-01")
                .status("ISSUED")
                .summary("Về việc phê duyệt kế hoạch")
                .content("Căn cứ Luật Tổ chức chính quyền địa phương.")
                .readers(AGENCY_A);
    }
}
