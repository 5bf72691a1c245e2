package vn.ccn.dms.pades.testpki;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Builders of test PDFs and images. Nothing here is used by main code. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** An A4 document with some text on each page. */
    public static byte[] simplePdf(int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 13);
                    cs.newLineAtOffset(72, 760);
                    cs.showText("UY BAN NHAN DAN TINH LANG SON - Quyet dinh thanh lap cum cong nghiep - trang " + (i + 1));
                    cs.endText();
                }
            }
            return save(doc);
        }
    }

    /** About {@code targetBytes} over {@code pages} pages: each page carries an incompressible image. */
    public static byte[] largePdf(int pages, int targetBytes) throws IOException {
        Random random = new Random(42);
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            int perPage = targetBytes / pages;
            int side = (int) Math.sqrt(perPage / 3.0);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        noise.setRGB(x, y, random.nextInt(0xFFFFFF));
                    }
                }
                PDImageXObject image = LosslessFactory.createFromImage(doc, noise);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 72, 300, 200, 200);
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 760);
                    cs.showText("Trang " + (i + 1));
                    cs.endText();
                }
            }
            return save(doc);
        }
    }

    public static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /** A blue hand-written-looking stroke on a transparent background. */
    public static byte[] signatureImagePng() throws IOException {
        BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(20, 40, 160));
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Float(20, 90, 90, -20, 150, 80));
        g.draw(new QuadCurve2D.Float(150, 80, 200, 20, 280, 60));
        g.dispose();
        return png(image);
    }

    /** A red round seal on a transparent background. */
    public static byte[] sealImagePng() throws IOException {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(220, 20, 30, 220));
        g.setStroke(new BasicStroke(14f));
        g.drawOval(10, 10, 380, 380);
        g.setStroke(new BasicStroke(5f));
        g.drawOval(60, 60, 280, 280);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 60));
        g.drawString("*", 185, 220);
        g.dispose();
        return png(image);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
