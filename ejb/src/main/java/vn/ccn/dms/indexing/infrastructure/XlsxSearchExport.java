package vn.ccn.dms.indexing.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ccn.dms.indexing.application.SearchService.ExportedResults;
import vn.ccn.dms.indexing.domain.SearchResultView;

/** Writes a result list as an XLSX workbook (Apache POI): what was searched, then one row per document. */
public final class XlsxSearchExport {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final String[] HEADERS = {"STT", "Số, ký hiệu", "Ngày ban hành", "Loại văn bản", "Cơ quan ban hành",
        "Trích yếu nội dung", "Mã văn bản"};
    private static final int[] WIDTHS = {6, 22, 14, 18, 36, 80, 12};

    private final ZoneId zone;

    public XlsxSearchExport(ZoneId zone) {
        this.zone = zone;
    }

    public byte[] write(ExportedResults results) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Kết quả tìm kiếm");
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            int r = 0;
            cell(sheet.createRow(r++), 0, "KẾT QUẢ TÌM KIẾM VĂN BẢN", bold);
            cell(sheet.createRow(r++), 0, "Từ khóa: " + (results.parameters().text().isEmpty() ? "(tất cả văn bản)"
                    : results.parameters().text()), null);
            cell(sheet.createRow(r++), 0, "Số văn bản tìm thấy: " + results.total() + "; số dòng: " + results.rows().size(), null);
            cell(sheet.createRow(r++), 0, "Người xuất: " + results.exportedBy() + " – " + results.agencyName()
                    + "; thời điểm: " + DATE_TIME.format(results.exportedAt().atZone(zone)), null);
            r++;
            Row header = sheet.createRow(r++);
            for (int i = 0; i < HEADERS.length; i++) {
                cell(header, i, HEADERS[i], bold);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            int n = 0;
            for (SearchResultView.Hit hit : results.rows()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(++n);
                cell(row, 1, hit.numberSymbol(), null);
                if (hit.date() != null) {
                    Cell c = row.createCell(2);
                    c.setCellValue(hit.date());
                    c.setCellStyle(date);
                }
                cell(row, 3, hit.typeName(), null);
                cell(row, 4, hit.issuer(), wrap);
                cell(row, 5, hit.summary(), wrap);
                row.createCell(6).setCellValue(hit.id());
            }
            sheet.createFreezePane(0, 6);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the XLSX export failed", e);
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell c = row.createCell(column);
        // Excel refuses cells above 32,767 characters; summaries are far below, but never fail an export on it.
        c.setCellValue(value.length() > 32_000 ? value.substring(0, 32_000) : value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }
}
