package vn.ccn.dms.pades.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import vn.ccn.dms.pades.PadesErrorCode;
import vn.ccn.dms.pades.PadesException;

/**
 * Loading PDFs with clear refusals, and reading the DocMDP permission of a certified document.
 */
public final class PdfDocuments {

    private PdfDocuments() {
    }

    /**
     * Loads a PDF for signing or validation.
     *
     * @throws PadesException {@code NOT_A_PDF}, {@code ENCRYPTED_PDF} or {@code MALFORMED_PDF}
     */
    public static PDDocument load(byte[] bytes) {
        requirePdfHeader(bytes);
        PDDocument document;
        try {
            document = Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw new PadesException(PadesErrorCode.ENCRYPTED_PDF, "the PDF needs a password", e);
        } catch (IOException | RuntimeException e) {
            throw new PadesException(PadesErrorCode.MALFORMED_PDF, "PDFBox cannot parse the file: " + e.getMessage(), e);
        }
        if (document.isEncrypted()) {
            close(document);
            // Incremental updates of an encrypted file must be encrypted with the same key; we do not sign those.
            throw new PadesException(PadesErrorCode.ENCRYPTED_PDF, "the PDF has an /Encrypt dictionary");
        }
        if (document.getNumberOfPages() == 0) {
            close(document);
            throw new PadesException(PadesErrorCode.MALFORMED_PDF, "the PDF has no page");
        }
        return document;
    }

    /** ISO 32000-1 §7.5.2: the header "%PDF-1.n" opens the file (readers accept it within the first 1024 bytes). */
    public static void requirePdfHeader(byte[] bytes) {
        int limit = Math.min(bytes.length, 1024);
        String head = new String(bytes, 0, limit, StandardCharsets.ISO_8859_1);
        if (!head.contains("%PDF-")) {
            throw new PadesException(PadesErrorCode.NOT_A_PDF, "no %PDF- header in the first 1024 bytes");
        }
    }

    static void close(PDDocument document) {
        try {
            document.close();
        } catch (IOException e) {
            // in-memory document; nothing to release
        }
    }

    /**
     * The DocMDP /P of the document's certification signature, or 0 when the document is not certified.
     * Looks at the catalog's /Perms /DocMDP (ISO 32000-1 §12.8.4) and, for documents that omit it, at any
     * signature reference with TransformMethod DocMDP.
     */
    public static int docMdpPermission(PDDocument document) {
        COSDictionary perms = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        if (perms != null) {
            COSDictionary sig = perms.getCOSDictionary(COSName.DOCMDP);
            if (sig != null) {
                int p = docMdpP(sig);
                if (p > 0) {
                    return p;
                }
            }
        }
        try {
            for (PDSignature sig : document.getSignatureDictionaries()) {
                int p = docMdpP(sig.getCOSObject());
                if (p > 0) {
                    return p;
                }
            }
        } catch (RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The /P of a signature dictionary's DocMDP reference, 0 if it has none. */
    public static int docMdpP(COSDictionary signature) {
        COSArray references = signature.getCOSArray(COSName.REFERENCE);
        if (references == null) {
            return 0;
        }
        for (int i = 0; i < references.size(); i++) {
            COSBase base = references.getObject(i);
            if (base instanceof COSDictionary ref && COSName.DOCMDP.equals(ref.getCOSName(COSName.TRANSFORM_METHOD))) {
                COSDictionary params = ref.getCOSDictionary(COSName.TRANSFORM_PARAMS);
                int p = params == null ? 2 : params.getInt(COSName.P, 2);
                return p >= 1 && p <= 3 ? p : 2;
            }
        }
        return 0;
    }
}
