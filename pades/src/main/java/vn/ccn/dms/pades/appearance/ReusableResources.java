package vn.ccn.dms.pades.appearance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * What every signature of a batch would otherwise redo: parsing the Liberation Serif fonts and compressing the
 * same signature or seal PNG into a PDF image. Fonts are parsed once per thread (a parsed TrueType font reads its
 * tables lazily from one buffer, so it is not shared between threads); each document still embeds only the subset
 * it uses. Images are compressed once and their encoded bytes copied into each document's own stream, which is
 * byte for byte what {@code PDImageXObject.createFromByteArray} would have produced.
 */
final class ReusableResources {

    private static final int MAX_IMAGES = 64;

    private static final ThreadLocal<Map<String, TrueTypeFont>> FONTS = ThreadLocal.withInitial(LinkedHashMap::new);

    private static final Map<String, Encoded> IMAGES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Encoded> eldest) {
            return size() > MAX_IMAGES;
        }
    };

    /** An image stream's dictionary (direct values only) and its encoded bytes, with its soft mask. */
    private record Encoded(List<Map.Entry<COSName, COSBase>> entries, byte[] raw, Encoded softMask) {
    }

    private ReusableResources() {
    }

    static TrueTypeFont font(String resource) throws IOException {
        Map<String, TrueTypeFont> fonts = FONTS.get();
        TrueTypeFont font = fonts.get(resource);
        if (font == null) {
            try (InputStream in = AppearanceRenderer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("font resource missing: " + resource);
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            }
            fonts.put(resource, font);
        }
        return font;
    }

    static PDImageXObject image(PDDocument document, byte[] png, String name) throws IOException {
        String key = sha256(png);
        Encoded encoded;
        synchronized (IMAGES) {
            encoded = IMAGES.get(key);
        }
        if (encoded == null) {
            try (PDDocument scratch = new PDDocument()) {
                encoded = encode(PDImageXObject.createFromByteArray(scratch, png, name).getCOSObject());
            }
            if (encoded == null) {
                // An image whose dictionary refers to other objects (an ICC profile): not reused, made per document.
                return PDImageXObject.createFromByteArray(document, png, name);
            }
            synchronized (IMAGES) {
                IMAGES.put(key, encoded);
            }
        }
        return new PDImageXObject(new PDStream(stream(document, encoded)), null);
    }

    private static Encoded encode(COSStream stream) throws IOException {
        List<Map.Entry<COSName, COSBase>> entries = new ArrayList<>();
        Encoded softMask = null;
        for (Map.Entry<COSName, COSBase> e : stream.entrySet()) {
            if (COSName.LENGTH.equals(e.getKey())) {
                continue;
            }
            if (COSName.SMASK.equals(e.getKey())) {
                if (!(stream.getDictionaryObject(COSName.SMASK) instanceof COSStream mask) || (softMask = encode(mask)) == null) {
                    return null;
                }
                continue;
            }
            COSBase value = copy(stream.getDictionaryObject(e.getKey()));
            if (value == null) {
                return null;
            }
            entries.add(Map.entry(e.getKey(), value));
        }
        try (InputStream raw = stream.createRawInputStream()) {
            return new Encoded(List.copyOf(entries), raw.readAllBytes(), softMask);
        }
    }

    private static COSStream stream(PDDocument document, Encoded encoded) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        for (Map.Entry<COSName, COSBase> e : encoded.entries()) {
            stream.setItem(e.getKey(), copy(e.getValue()));
        }
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(encoded.raw());
        }
        if (encoded.softMask() != null) {
            stream.setItem(COSName.SMASK, stream(document, encoded.softMask()));
        }
        return stream;
    }

    /** A deep copy of a direct value, or null for anything that refers to other objects. */
    private static COSBase copy(COSBase value) {
        if (value instanceof COSName || value instanceof COSNumber || value instanceof COSBoolean) {
            return value;
        }
        if (value instanceof COSString s) {
            return new COSString(s.getBytes());
        }
        if (value instanceof COSArray a) {
            COSArray out = new COSArray();
            for (int i = 0; i < a.size(); i++) {
                COSBase c = copy(a.getObject(i));
                if (c == null) {
                    return null;
                }
                out.add(c);
            }
            return out;
        }
        if (value instanceof COSDictionary d && !(value instanceof COSStream)) {
            COSDictionary out = new COSDictionary();
            for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                COSBase c = copy(d.getDictionaryObject(e.getKey()));
                if (c == null) {
                    return null;
                }
                out.setItem(e.getKey(), c);
            }
            return out;
        }
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
