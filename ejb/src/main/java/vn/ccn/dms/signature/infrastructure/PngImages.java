package vn.ccn.dms.signature.infrastructure;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import vn.ccn.dms.platform.DomainException;

/**
 * Checks uploaded signature and seal images: a PNG (by content, not by name) that decodes, with an alpha
 * channel, since Decree 30/2020 Appendix I asks for images on a transparent background that let the text show
 * through, and of a sensible size.
 */
public final class PngImages {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final byte[] MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngImages() {
    }

    public static byte[] requireTransparentPng(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("Chưa có tệp ảnh", List.of("image: bắt buộc (PNG)"));
        }
        if (bytes.length > MAX_BYTES) {
            throw DomainException.invalid("Ảnh quá lớn", List.of("image: tối đa 2 MB"));
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw DomainException.invalid("Ảnh phải là tệp PNG", List.of("image: không phải PNG"));
            }
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw DomainException.invalid("Tệp PNG bị hỏng", List.of("image: không đọc được"));
        }
        if (!image.getColorModel().hasAlpha()) {
            throw DomainException.invalid("Ảnh chữ ký, con dấu phải có nền trong suốt (PNG có kênh alpha)",
                    List.of("image: thiếu kênh trong suốt"));
        }
        if (image.getWidth() < 50 || image.getHeight() < 50 || image.getWidth() > 4000 || image.getHeight() > 4000) {
            throw DomainException.invalid("Kích thước ảnh không phù hợp", List.of("image: từ 50 đến 4000 điểm ảnh mỗi chiều"));
        }
        return bytes;
    }
}
