package vn.ccn.dms.devstack.demo;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoPdfTest {

    @TempDir
    Path temp;

    @Test
    void writesAOnePagePdfWhoseVietnameseTextCanBeExtractedAgain() throws Exception {
        assertTrue(DemoPdf.hasVietnameseFont(), "PDFBox ships Liberation Sans at " + DemoPdf.FONT_RESOURCE);
        Path pdf = temp.resolve("45-TTr-UBND.pdf");

        DemoPdf.write(new DemoPdf.Letter("Ủy ban nhân dân tỉnh Lạng Sơn", "Ủy ban nhân dân xã Hữu Lũng",
                "45/TTr-UBND", null, "Hữu Lũng", LocalDate.of(2025, 8, 12), "Tờ trình",
                "Tờ trình đề nghị thành lập cụm công nghiệp Hồ Sơn 2, xã Hữu Lũng",
                List.of("Căn cứ Nghị định số 32/2024/NĐ-CP ngày 15 tháng 3 năm 2024 của Chính phủ về quản lý, phát"
                        + " triển cụm công nghiệp;"), "Chủ tịch", "Lộc Văn Thắng"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text);
            assertTrue(text.contains("Số: 45/TTr-UBND"), text);
            assertTrue(text.contains("Hữu Lũng, ngày 12 tháng 08 năm 2025"), text);
            assertTrue(text.contains("TỜ TRÌNH"), text);
            assertTrue(text.contains("đề nghị thành lập cụm công nghiệp Hồ Sơn 2"), text);
            assertTrue(text.contains("Lộc Văn Thắng"), text);
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.getName().contains("LiberationSans"), font.getName());
            assertTrue(font.isEmbedded());
        }
    }

    @Test
    void anOfficialLetterShowsItsSubjectUnderTheNumberAndADraftABlankNumber() throws Exception {
        Path pdf = temp.resolve("draft.pdf");
        DemoPdf.write(new DemoPdf.Letter(null, "Sở Công Thương", null, "/SCT-QLCN", "Lạng Sơn",
                LocalDate.of(2025, 9, 1), "Công văn", "Về việc lấy ý kiến thẩm định hồ sơ",
                List.of("Nội dung."), "Phó Giám đốc", "Lương Văn Đức"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Số: /SCT-QLCN"), text);
            assertTrue(text.contains("V/v lấy ý kiến thẩm định hồ sơ"), text);
            assertTrue(!text.contains("CÔNG VĂN"), "an official letter has no title line: " + text);
        }
    }
}
