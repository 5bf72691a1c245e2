package vn.ccn.dms.pades.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;

/**
 * Makes the content of an electronic copy (Decree 30/2020/NĐ-CP Art. 25: sao y, sao lục, trích sao) from a
 * PDF: the visible appearance of every form field and signature is drawn into the page content (flattened),
 * the certification permissions and the validation data of the original are dropped, and for an extract
 * (trích sao) only the chosen pages are kept. The result is a new file written in full, not an incremental
 * update: a copy is a new document that the copying organisation then signs itself. The original's
 * signatures are not carried over as signatures, since the copy does not reproduce the bytes they cover;
 * they remain visible as appearances, and the original stays the legal reference.
 */
public final class ElectronicCopySource {

    private static final COSName DSS = COSName.getPDFName("DSS");

    private ElectronicCopySource() {
    }

    /**
     * @param pages the 1-based page numbers to keep, or an empty list for all pages
     * @throws PadesException {@code NOT_A_PDF}, {@code ENCRYPTED_PDF}, {@code MALFORMED_PDF} or
     *     {@code PAGE_OUT_OF_RANGE}
     */
    public static byte[] of(byte[] pdf, List<Integer> pages) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(pages, "pages");
        try (PDDocument document = PdfDocuments.load(pdf)) {
            int count = document.getNumberOfPages();
            Set<Integer> keep = new TreeSet<>(pages);
            for (int p : keep) {
                if (p < 1 || p > count) {
                    throw new PadesException(PadesErrorCode.PAGE_OUT_OF_RANGE, "page " + p + " of " + count);
                }
            }
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            if (form != null) {
                form.flatten();
                document.getDocumentCatalog().getCOSObject().removeItem(COSName.ACRO_FORM);
            }
            document.getDocumentCatalog().getCOSObject().removeItem(COSName.PERMS);
            document.getDocumentCatalog().getCOSObject().removeItem(DSS);
            if (!keep.isEmpty()) {
                for (int p = count; p >= 1; p--) {
                    if (!keep.contains(p)) {
                        document.removePage(p - 1);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new PadesException(PadesErrorCode.IO_ERROR, "cannot write the copy: " + e.getMessage(), e);
        }
    }
}
