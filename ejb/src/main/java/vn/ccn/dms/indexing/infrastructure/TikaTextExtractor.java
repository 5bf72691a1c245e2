package vn.ccn.dms.indexing.infrastructure;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import vn.ccn.dms.indexing.domain.ExtractedText;
import vn.ccn.dms.indexing.domain.ExtractionLimits;
import vn.ccn.dms.indexing.domain.OcrEngine;
import vn.ccn.dms.indexing.domain.TextExtractor;

/**
 * {@link TextExtractor} on Apache Tika's auto-detecting parser, with Tesseract for scans.
 *
 * <p>Limits, so that no file can take the server down (issue 3, "Bad input"):
 * <ul>
 * <li>size: files above {@link ExtractionLimits#maxFileBytes()} are not opened;</li>
 * <li>characters: text beyond {@link ExtractionLimits#maxCharacters()} is cut (Tika's write limit stops the
 * parser, so a 200 MB text file costs a few megabytes of heap, not 400);</li>
 * <li>zip bombs: Tika's {@code SecureContentHandler} (configured through {@link AutoDetectParserConfig}) stops a
 * file whose text exceeds {@link ExtractionLimits#maxCompressionRatio()} characters per input byte, and limits
 * XHTML depth and package-entry depth;</li>
 * <li>nesting: embedded documents deeper than {@link ExtractionLimits#maxNestingDepth()} fail the file;</li>
 * <li>time: the content handler checks a deadline on every event, OCR processes are killed at it, and the
 * caller's executor abandons the task at the same deadline.</li>
 * </ul>
 * A PDF with (almost) no text layer is a scan: its pages are rendered and recognised when OCR is available.
 */
public final class TikaTextExtractor implements TextExtractor {

    private static final Logger LOG = Logger.getLogger(TikaTextExtractor.class.getName());

    /** Below this many visible characters per page a PDF is treated as scanned (a stamp or page number only). */
    static final int SCANNED_CHARS_PER_PAGE = 25;
    /** Below this many output characters the compression ratio is not checked (small files compress well). */
    private static final long ZIP_BOMB_OUTPUT_THRESHOLD = 100_000;
    /** Small files may inflate this much whatever their ratio (a short DOCX with repetitive XML compresses well). */
    private static final long ZIP_RATIO_FLOOR_BYTES = 20L * 1024 * 1024;
    /**
     * Largest XML part of a ZIP-based document read at all: about 5,000 pages of text; Office readers hold a run's
     * text whole, so this bounds their heap use.
     */
    private static final long MAX_ZIP_XML_ENTRY_BYTES = 32L * 1024 * 1024;
    /** Largest part of an Office Open XML file that is read (POI ZipSecureFile); 256 MiB of XML is no document. */
    private static final long MAX_OOXML_ENTRY_BYTES = 256L * 1024 * 1024;
    /** PDFBox keeps at most this much of a PDF in heap; beyond it, scratch files. */
    private static final long PDF_MAX_MAIN_MEMORY = 64L * 1024 * 1024;

    private final ExtractionLimits limits;
    private final OcrEngine ocr;
    private final AutoDetectParser parser;

    public TikaTextExtractor(ExtractionLimits limits, OcrEngine ocr) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.parser = new AutoDetectParser(TikaConfig.getDefaultConfig());
        parser.setDetector(new StoredTypeDetector(parser.getDetector()));
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setOutputThreshold(ZIP_BOMB_OUTPUT_THRESHOLD);
        config.setMaximumCompressionRatio(limits.maxCompressionRatio());
        config.setMaximumDepth(limits.maxXmlDepth());
        // Our own nesting check (DepthLimitedExtractor) must trip first: Tika's package-depth check is swallowed by
        // the container parsers and would cut the text silently instead of recording a failure.
        config.setMaximumPackageEntryDepth(limits.maxNestingDepth() + 10);
        parser.setAutoDetectParserConfig(config);
        // POI's own guard on OOXML parts (JVM-wide): refuse entries inflating more than 100 times their compressed
        // size, or beyond a size no document part reaches, before they are read into memory.
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
        ZipSecureFile.setMaxEntrySize(MAX_OOXML_ENTRY_BYTES);
    }

    @Override
    public ExtractedText extract(InputStream content, long size, String mediaType, String fileName) throws IOException {
        // Spooled to a temporary file first: PDF and ZIP-based formats need random access anyway, the length becomes
        // known (the zip-bomb ratio is computed against it) and OCR can render from the same file.
        return extract(() -> TikaInputStream.get(content), null, size, mediaType, fileName);
    }

    /** Reads the file in place (a stored blob, never written to): no temporary copy. */
    @Override
    public ExtractedText extract(Path file, long size, String mediaType, String fileName) throws IOException {
        return extract(() -> TikaInputStream.get(file), file, size, mediaType, fileName);
    }

    private interface Source {
        TikaInputStream open() throws IOException;
    }

    /** @param file the file to read in place, or {@code null} for the spooled copy of the stream */
    private ExtractedText extract(Source source, Path file, long size, String mediaType, String fileName)
            throws IOException {
        long started = System.nanoTime();
        if (size > limits.maxFileBytes()) {
            return tooLarge(size, mediaType, started);
        }
        try (TikaInputStream tis = source.open()) {
            return extract(tis, file == null ? tis.getPath() : file, size, mediaType, fileName, started);
        }
    }

    private ExtractedText extract(TikaInputStream tis, Path file, long size, String mediaType, String fileName, long started)
            throws IOException {
        long deadline = started + limits.timePerFile().toNanos();
        if (mediaType != null && mediaType.startsWith("image/")) {
            return recognizeImage(file, mediaType, started, deadline);
        }
        String bomb = zipBomb(file, size, limits.maxCompressionRatio());
        if (bomb != null) {
            return ExtractedText.failed("Tệp nghi là \"bom nén\" (" + bomb + "); đã dừng trích xuất. Tệp vẫn được lưu"
                    + " và tải về được.", mediaType, since(started));
        }
        return parse(tis, mediaType, fileName, started, deadline);
    }

    private ExtractedText tooLarge(long size, String mediaType, long started) {
        return ExtractedText.failed("Tệp " + megabytes(size) + " lớn hơn giới hạn trích xuất văn bản "
                + megabytes(limits.maxFileBytes()) + "; tệp vẫn được lưu và tải về được.", mediaType, since(started));
    }

    private ExtractedText parse(TikaInputStream tis, String mediaType, String fileName, long started, long deadline)
            throws IOException {
        StringWriter text = new StringWriter();
        WriteOutContentHandler limited = new WriteOutContentHandler(text, limits.maxCharacters());
        DeadlineHandler handler = new DeadlineHandler(new BodyContentHandler(limited), deadline);
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        if (mediaType != null) {
            metadata.set(Metadata.CONTENT_TYPE, mediaType);
        }
        if (StoredTypeDetector.TRUSTED.contains(mediaType)) {
            metadata.set(StoredTypeDetector.STORED_TYPE, mediaType);
        }
        ParseContext context = new ParseContext();
        DepthLimitedExtractor embedded = new DepthLimitedExtractor(context, limits.maxNestingDepth());
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class, embedded);
        PDFParserConfig pdf = new PDFParserConfig();
        // OCR of scans is done below, page by page with our own limits, rather than by Tika's OCR parser.
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        pdf.setMaxMainMemoryBytes(PDF_MAX_MAIN_MEMORY);
        pdf.setCatchIntermediateIOExceptions(true);
        context.set(PDFParserConfig.class, pdf);
        OfficeParserConfig office = new OfficeParserConfig();
        // Streaming (SAX) readers for DOCX and PPTX: the default DOM readers load a whole part into memory before
        // the first character reaches the handler, so a part that inflates to gigabytes would exhaust the heap
        // before the zip-bomb ratio could be checked (measured: a 400 MB document.xml took a 512 MB server down).
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        office.setExtractMacros(false);
        context.set(OfficeParserConfig.class, office);
        boolean truncated = false;
        try {
            parser.parse(tis, handler, metadata, context);
        } catch (SAXException e) {
            if (handler.expired) {
                return timedOut(mediaType, started);
            }
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                return failure(e, mediaType, started);
            }
        } catch (EncryptedDocumentException e) {
            return ExtractedText.failed("Tệp được mã hóa (có mật khẩu), không đọc được nội dung; tệp vẫn được lưu và"
                    + " tải về được.", mediaType, since(started));
        } catch (ZeroByteFileException e) {
            return ExtractedText.failed("Tệp rỗng.", mediaType, since(started));
        } catch (TikaException e) {
            if (handler.expired) {
                return timedOut(mediaType, started);
            }
            if (embedded.exceeded) {
                return nestedTooDeep(mediaType, started);
            }
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                return failure(e, mediaType, started);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // Parsers of damaged files throw unchecked exceptions too; the worker must survive every one.
            LOG.log(Level.FINE, "parser failed on " + fileName, e);
            return failure(e, mediaType, started);
        }
        if (embedded.exceeded) {
            return nestedTooDeep(mediaType, started);
        }
        String detected = metadata.get(Metadata.CONTENT_TYPE);
        String type = detected == null ? mediaType : detected.split(";")[0].trim();
        String result = clean(text.toString());
        if ("application/pdf".equals(type)) {
            int pages = metadata.getInt(PagedText.N_PAGES) == null ? 1 : Math.max(1, metadata.getInt(PagedText.N_PAGES));
            if (visibleCharacters(result) < (long) SCANNED_CHARS_PER_PAGE * pages) {
                return recognizePdf(tis.getPath(), result, pages, type, started, deadline);
            }
        }
        return new ExtractedText(result, null, truncated, false, 0, type, since(started));
    }

    /** Renders the pages of a scanned PDF and recognises them; keeps the little text layer there was. */
    private ExtractedText recognizePdf(Path pdf, String textLayer, int pages, String type, long started, long deadline)
            throws IOException {
        if (!ocr.available()) {
            if (!textLayer.isBlank()) {
                return new ExtractedText(textLayer, null, false, false, 0, type, since(started));
            }
            return ExtractedText.failed("Tệp PDF là bản quét (không có lớp chữ) và máy chủ chưa cài nhận dạng ký tự"
                    + " (OCR): " + ocr.description() + ". Tệp vẫn được lưu và tải về được.", type, since(started));
        }
        StringBuilder out = new StringBuilder(textLayer);
        int recognised = 0;
        boolean truncated = false;
        Path dir = Files.createTempDirectory("dms-ocr");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            int count = Math.min(document.getNumberOfPages(), limits.ocrMaxPages());
            for (int i = 0; i < count; i++) {
                if (System.nanoTime() > deadline) {
                    return timedOut(type, started);
                }
                PDPage page = document.getPage(i);
                float dpi = dpiWithin(page.getMediaBox(), limits.ocrDpi(), limits.ocrMaxPixels());
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                Path png = dir.resolve("page-" + (i + 1) + ".png");
                ImageIO.write(image, "png", png.toFile());
                image.flush();
                String pageText = ocr.recognize(png, remaining(deadline));
                Files.deleteIfExists(png);
                recognised++;
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(pageText);
                if (out.length() >= limits.maxCharacters()) {
                    out.setLength(limits.maxCharacters());
                    truncated = true;
                    break;
                }
            }
            truncated |= document.getNumberOfPages() > count;
        } catch (IOException e) {
            if (System.nanoTime() > deadline) {
                return timedOut(type, started);
            }
            return ExtractedText.failed("Nhận dạng ký tự (OCR) không thành công: " + shorten(e.getMessage()), type,
                    since(started));
        } finally {
            deleteTree(dir);
        }
        return new ExtractedText(clean(out.toString()), null, truncated, true, recognised, type, since(started));
    }

    private ExtractedText recognizeImage(Path image, String mediaType, long started, long deadline) {
        if (!ocr.available()) {
            return ExtractedText.failed("Tệp ảnh cần nhận dạng ký tự (OCR) nhưng máy chủ chưa cài: "
                    + ocr.description() + ". Tệp vẫn được lưu và tải về được.", mediaType, since(started));
        }
        try {
            long pixels = pixels(image);
            if (pixels < 0) {
                return ExtractedText.failed("Tệp ảnh hỏng hoặc không đúng định dạng " + mediaType + ".", mediaType,
                        since(started));
            }
            if (pixels > limits.ocrMaxPixels()) {
                // Decoding it could take gigabytes of heap (a decompression bomb); refuse before decoding.
                return ExtractedText.failed("Ảnh quá lớn (" + pixels / 1_000_000 + " triệu điểm ảnh, giới hạn "
                        + limits.ocrMaxPixels() / 1_000_000 + " triệu) để nhận dạng ký tự.", mediaType, since(started));
            }
            String text = ocr.recognize(image, remaining(deadline));
            boolean truncated = text.length() > limits.maxCharacters();
            if (truncated) {
                text = text.substring(0, limits.maxCharacters());
            }
            return new ExtractedText(clean(text), null, truncated, true, 1, mediaType, since(started));
        } catch (IOException e) {
            if (System.nanoTime() > deadline) {
                return timedOut(mediaType, started);
            }
            return ExtractedText.failed("Nhận dạng ký tự (OCR) không thành công: " + shorten(e.getMessage()), mediaType,
                    since(started));
        }
    }

    /**
     * Looks inside a ZIP-based file (DOCX, XLSX, PPTX, ODT ...) before any parser does, by inflating its entries
     * and counting, up to a cap: Tika's Office readers buffer the text of one run whole before the zip-bomb ratio of
     * {@code SecureContentHandler} can see it (measured: a 300 KB DOCX holding 300 MB of one run exhausted a 300 MB
     * heap), so the ratio and the size of XML parts are checked here first.
     *
     * @return why the file is refused, or {@code null}
     */
    static String zipBomb(Path file, long size, long maxRatio) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(magic, 0, 4) < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                return null;
            }
        }
        long cap = Math.max(size * maxRatio, ZIP_RATIO_FLOOR_BYTES);
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            java.util.zip.ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                boolean xml = entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels");
                long inflated = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    total += n;
                    if (total > cap) {
                        return "giải nén vượt " + cap / (1024 * 1024) + " MB, gấp hơn " + maxRatio + " lần kích thước tệp";
                    }
                    if (xml && inflated > MAX_ZIP_XML_ENTRY_BYTES) {
                        return "phần " + entry.getName() + " giải nén vượt " + MAX_ZIP_XML_ENTRY_BYTES / (1024 * 1024) + " MB";
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not a ZIP the JDK can stream (some writers use data descriptors with STORED): Tika and its limits decide.
            return null;
        }
        return null;
    }

    /** Width × height read from the header only, or -1 when no reader understands the file. */
    static long pixels(Path image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            if (in == null) {
                return -1;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return -1;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                return -1;
            } finally {
                reader.dispose();
            }
        }
    }

    static float dpiWithin(PDRectangle box, int dpi, long maxPixels) {
        double w = box.getWidth() / 72.0 * dpi;
        double h = box.getHeight() / 72.0 * dpi;
        double pixels = w * h;
        if (pixels <= maxPixels || pixels <= 0) {
            return dpi;
        }
        return (float) (dpi * Math.sqrt(maxPixels / pixels));
    }

    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(nanos, 1_000_000));
    }

    private ExtractedText timedOut(String mediaType, long started) {
        return ExtractedText.failed("Trích xuất văn bản vượt quá thời gian cho phép ("
                + limits.timePerFile().toSeconds() + " giây) và đã dừng; tệp vẫn được lưu và tải về được.", mediaType,
                since(started));
    }

    private ExtractedText nestedTooDeep(String mediaType, long started) {
        return ExtractedText.failed("Tệp chứa tài liệu lồng nhau quá " + limits.maxNestingDepth()
                + " cấp (tệp nén trong tệp nén); đã dừng trích xuất.", mediaType, since(started));
    }

    private ExtractedText failure(Throwable e, String mediaType, long started) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EncryptedDocumentException
                    || (t.getClass().getSimpleName().equals("InvalidPasswordException"))) {
                return ExtractedText.failed("Tệp được mã hóa (có mật khẩu), không đọc được nội dung; tệp vẫn được lưu"
                        + " và tải về được.", mediaType, since(started));
            }
            if (String.valueOf(t.getMessage()).contains("Suspected zip bomb")
                    || String.valueOf(t.getMessage()).contains("Zip bomb detected")) {
                // Tika's SecureContentHandler, or POI's ZipSecureFile (inflation ratio of an OOXML part).
                return ExtractedText.failed("Tệp nghi là \"bom nén\" (dữ liệu giải nén lớn bất thường so với kích thước"
                        + " tệp); đã dừng trích xuất. Tệp vẫn được lưu và tải về được.", mediaType, since(started));
            }
            if (String.valueOf(t.getMessage()).contains("package entry nesting")
                    || String.valueOf(t.getMessage()).contains("Suspected nesting")) {
                return nestedTooDeep(mediaType, started);
            }
        }
        return ExtractedText.failed("Tệp hỏng hoặc không đúng định dạng " + (mediaType == null ? "" : mediaType)
                + ", không đọc được nội dung (" + e.getClass().getSimpleName() + ": " + shorten(message)
                + "). Tệp vẫn được lưu và tải về được.", mediaType, since(started));
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    /**
     * NFC (Vietnamese typed on some systems arrives decomposed), no NUL, no spaces or tabs at the end of a line, no
     * more than one blank line in a row, nothing blank at either end. One pass over the text (two regular
     * expressions over every extracted text were 3 % of an extraction thread).
     */
    static String clean(String text) {
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        int newlines = 0;
        int blanksFrom = -1; // start in nfc of the spaces and tabs not written yet (dropped if a line break follows)
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == '\n') {
                blanksFrom = -1;
                newlines++;
            } else if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f') {
                if (blanksFrom < 0) {
                    blanksFrom = i;
                }
            } else if (c != '\u0000') {
                if (newlines > 0) {
                    out.append(newlines == 1 ? "\n" : "\n\n");
                    newlines = 0;
                }
                if (blanksFrom >= 0) {
                    for (int j = blanksFrom; j < i; j++) {
                        if (nfc.charAt(j) != '\u0000') {
                            out.append(nfc.charAt(j));
                        }
                    }
                    blanksFrom = -1;
                }
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    static long visibleCharacters(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.fine(() -> "could not delete " + dir + ": " + e);
        }
    }

    /**
     * Tika's detector, except for the file itself when it is a PDF: its type was detected from its content when it
     * was received (Tika's detector, or the {@code %PDF-} check that {@code MediaTypeDetectorTest} holds to Tika's
     * answer) and stored with the blob, whose bytes never change, so detecting it again only repeats Tika's magic
     * scan, which was 14 % of an extraction thread's time (profile of the search benchmark, session 10). Embedded
     * documents carry fresh metadata without the stored type and are detected as before; so is every other type.
     */
    static final class StoredTypeDetector implements Detector {
        /** Set by {@link #parse} on the top-level file's metadata only. */
        static final String STORED_TYPE = "dms:stored-content-type";
        static final Set<String> TRUSTED = Set.of("application/pdf");

        private final Detector delegate;

        StoredTypeDetector(Detector delegate) {
            this.delegate = delegate;
        }

        @Override
        public MediaType detect(InputStream input, Metadata metadata) throws IOException {
            String stored = metadata.get(STORED_TYPE);
            if (stored != null && TRUSTED.contains(stored)) {
                return MediaType.parse(stored);
            }
            return delegate.detect(input, metadata);
        }
    }

    /** Stops the parser at the deadline: every SAX event is a chance to look at the clock. */
    private static final class DeadlineHandler extends ContentHandlerDecorator {
        private final long deadline;
        private boolean expired;

        DeadlineHandler(ContentHandler handler, long deadline) {
            super(handler);
            this.deadline = deadline;
        }

        private void check() throws SAXException {
            if (System.nanoTime() > deadline) {
                expired = true;
                throw new SAXException("extraction deadline passed");
            }
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
            check();
            super.startElement(uri, localName, name, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            check();
            super.characters(ch, start, length);
        }
    }

    /** Parses embedded documents like Tika does, refusing those nested deeper than the limit. */
    private static final class DepthLimitedExtractor implements EmbeddedDocumentExtractor {
        private final ParsingEmbeddedDocumentExtractor delegate;
        private final int maxDepth;
        private int depth;
        private boolean exceeded;

        DepthLimitedExtractor(ParseContext context, int maxDepth) {
            this.delegate = new ParsingEmbeddedDocumentExtractor(context);
            this.maxDepth = maxDepth;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return delegate.shouldParseEmbedded(metadata);
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            if (depth >= maxDepth) {
                exceeded = true;
                throw new IOException("embedded documents nested deeper than " + maxDepth);
            }
            depth++;
            try {
                delegate.parseEmbedded(stream, handler, metadata, outputHtml);
            } finally {
                depth--;
            }
        }
    }
}
