package vn.ccn.dms.signature.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.ccn.dms.config.DmsSettings;
import vn.ccn.dms.document.application.DocumentService.UploadedFile;
import vn.ccn.dms.document.domain.ContentStore;
import vn.ccn.dms.document.domain.StoredContent;
import vn.ccn.dms.pades.PadesLevel;
import vn.ccn.dms.pades.appearance.LeaderSignatureAppearance;
import vn.ccn.dms.pades.appearance.PageRect;
import vn.ccn.dms.pades.crypto.Signer;
import vn.ccn.dms.pades.signing.DataToSign;
import vn.ccn.dms.pades.signing.Decree30Issuance;
import vn.ccn.dms.pades.signing.PdfDocuments;
import vn.ccn.dms.pades.signing.PdfInput;
import vn.ccn.dms.pades.signing.SignatureParameters;
import vn.ccn.dms.pades.signing.SignedPdf;
import vn.ccn.dms.signature.domain.SignatureLayout;
import vn.ccn.dms.signature.infrastructure.SigningEngine;

/**
 * The PDF work of the two-step issuance, outside any transaction: reads the files from the content store,
 * signs with the engine, writes the signed files back (new immutable blobs). What it is given was read and
 * checked in a transaction before; what it returns is recorded in another.
 */
@ApplicationScoped
public class DocumentSigner {

    /** A file of the version being signed, with its blob. */
    public record FileRef(String fileName, StoredContent content) {
        boolean isPdf() {
            return "application/pdf".equals(content.mediaType());
        }
    }

    /** What the leader signs: the main PDF (the first PDF of the latest version) and how it looks. */
    public record LeaderTask(long documentId, int baseVersionNo, List<FileRef> files, int mainIndex, String signerName,
            String position, byte[] signatureImagePng, SignatureLayout layout, float sealWidthMm, float sealHeightMm,
            String placeName) {
    }

    /** What the reception desk seals: the main PDF with the seal, every other PDF as an attachment. */
    public record SealTask(long documentId, int baseVersionNo, List<FileRef> files, int mainIndex, String numberSymbol,
            String placeAndDate, byte[] sealPng) {
    }

    /** The files of the new version (signed ones replaced) and the signing certificate used. */
    public record SignedFiles(List<UploadedFile> files, X509Certificate signer, PadesLevel level) {
    }

    @Inject
    SigningEngine engine;

    @Inject
    ContentStore store;

    @Inject
    DmsSettings settings;

    public SignedFiles signLeader(LeaderTask task, Signer signer) {
        byte[] pdf = read(task.files().get(task.mainIndex()));
        SignatureParameters parameters = leaderParameters(task, pdf).build();
        SignedPdf signed = engine.signing().sign(PdfInput.of(pdf), parameters, signer);
        return replace(task.files(), List.of(task.mainIndex()), List.of(signed.bytes()), signer.signingCertificate(), signed.level());
    }

    /** Step 1 of the external path: the prepared PDF and the digest for the signing agent. */
    public DataToSign prepareLeader(LeaderTask task, List<X509Certificate> chain) {
        byte[] pdf = read(task.files().get(task.mainIndex()));
        return engine.signing().prepare(PdfInput.of(pdf), leaderParameters(task, pdf).certificateChain(chain).build());
    }

    /** The files of a leader task with the main one replaced by the externally completed PDF. */
    public SignedFiles storeLeader(LeaderTask task, SignedPdf signed, X509Certificate signer) {
        return replace(task.files(), List.of(task.mainIndex()), List.of(signed.bytes()), signer, signed.level());
    }

    private SignatureParameters.Builder leaderParameters(LeaderTask task, byte[] pdf) {
        SignatureLayout layout = task.layout();
        int pages = layout.usesLastPage() ? pageCount(pdf) : 0;
        LeaderSignatureAppearance appearance = new LeaderSignatureAppearance(rect(layout.signatureBlock(), pages),
                task.signatureImagePng(), task.position(), task.signerName(), true);
        return Decree30Issuance.leader(engine.level(), appearance, rect(layout.numberField(), pages), rect(layout.dateField(), pages),
                task.sealWidthMm(), task.sealHeightMm()).signerName(task.signerName()).location(task.placeName());
    }

    /**
     * Step 1 of the external path for the organisation's signature (the desk's token on a desktop signing agent, or
     * a remote signing service): the prepared PDF and the digest. Only for a version whose one PDF is the document
     * itself: attachments issued as separate files each need their own signature, which the server-side credential
     * does in one step.
     */
    public DataToSign prepareSeal(SealTask task, List<X509Certificate> chain) {
        if (task.files().stream().filter(FileRef::isPdf).count() != 1) {
            throw new SigningRefusedException(SigningRefusedException.WRONG_STATE, 409, "Văn bản có phụ lục là tệp PDF riêng:"
                    + " hãy ký số của cơ quan bằng thiết bị ký của cơ quan trên máy chủ, ký được cả văn bản và phụ lục.");
        }
        byte[] pdf = read(task.files().get(task.mainIndex()));
        return engine.signing().prepare(PdfInput.of(pdf), Decree30Issuance.organisation(engine.level(), task.numberSymbol(),
                task.placeAndDate(), task.sealPng()).certificateChain(chain).build());
    }

    /** The files of a seal task with the main one replaced by the externally completed PDF. */
    public SignedFiles storeSeal(SealTask task, SignedPdf signed, X509Certificate signer) {
        return replace(task.files(), List.of(task.mainIndex()), List.of(signed.bytes()), signer, signed.level());
    }

    public SignedFiles seal(SealTask task, Signer signer) {
        List<Integer> indexes = new ArrayList<>();
        List<byte[]> signed = new ArrayList<>();
        PadesLevel level = engine.level();
        for (int i = 0; i < task.files().size(); i++) {
            FileRef f = task.files().get(i);
            if (!f.isPdf()) {
                continue;
            }
            SignatureParameters parameters = i == task.mainIndex()
                    ? Decree30Issuance.organisation(level, task.numberSymbol(), task.placeAndDate(), task.sealPng()).build()
                    // Decree 30 Appendix I: an attachment issued as a separate file bears the organisation's signature
                    // at the top right of page 1 with the number/symbol and the time, without the seal image.
                    : Decree30Issuance.attachment(level, task.numberSymbol()).build();
            SignedPdf out = engine.signing().sign(PdfInput.of(read(f)), parameters, signer);
            indexes.add(i);
            signed.add(out.bytes());
        }
        return replace(task.files(), indexes, signed, signer.signingCertificate(), level);
    }

    /**
     * The layout with "last page" (page 0) replaced by the page count of the PDF; unchanged when the file cannot
     * be read, and signing will then refuse it with the engine's clear reason (encrypted, malformed, not a PDF).
     */
    SignatureLayout resolveLastPage(SignatureLayout layout, FileRef pdf) {
        if (!layout.usesLastPage()) {
            return layout;
        }
        try {
            return layout.withLastPage(pageCount(read(pdf)));
        } catch (vn.ccn.dms.pades.PadesException e) {
            return layout;
        }
    }

    static PageRect rect(SignatureLayout.Box box, int pages) {
        return new PageRect(box.page() == 0 ? pages : box.page(), box.x(), box.y(), box.width(), box.height());
    }

    static int pageCount(byte[] pdf) {
        try (PDDocument d = PdfDocuments.load(pdf)) {
            return d.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] read(FileRef f) {
        try (InputStream in = store.open(f.content().key())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.content().key() + " from the content store", e);
        }
    }

    StoredContent write(byte[] bytes, String name) {
        try {
            // A signed file is the upload plus an incremental update: allow it to exceed the upload limit a little.
            return store.put(new ByteArrayInputStream(bytes), settings.uploadMaxBytes() + 16L * 1024 * 1024, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a signed file to the content store", e);
        }
    }

    private SignedFiles replace(List<FileRef> files, List<Integer> indexes, List<byte[]> signed, X509Certificate signer,
            PadesLevel level) {
        List<UploadedFile> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileRef f = files.get(i);
            int at = indexes.indexOf(i);
            out.add(at < 0 ? new UploadedFile(f.fileName(), f.content()) : new UploadedFile(f.fileName(), write(signed.get(at), f.fileName())));
        }
        return new SignedFiles(out, signer, level);
    }

    /** The signer's title line as printed in capitals (Decree 30 Appendix I: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"). */
    static String titleLine(String position) {
        return position == null ? "" : position.trim().toUpperCase(Locale.forLanguageTag("vi"));
    }
}
