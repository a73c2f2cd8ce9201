package org.parley.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.parley.rules.InvalidInputException;

/**
 * Turns an uploaded picture into a user's avatar: a {@value #SIZE} by {@value #SIZE} PNG, the middle square of the
 * picture scaled down. The upload is judged by its bytes, never by its name or the type the browser claims: it must
 * start like a PNG, JPEG or GIF. Its dimensions are read from the header before any pixel is decoded, so a small
 * file that claims a huge picture (a decompression bomb) is refused without allocating it, and large pictures are
 * decoded subsampled, so decoding needs little more memory than the avatar itself.
 */
public final class AvatarImages {

    /** The side of a stored avatar, in pixels. */
    public static final int SIZE = 128;
    /** The largest upload taken, in bytes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The largest side of a picture taken, in pixels. */
    public static final int MAX_SIDE = 8000;
    /** The most pixels a picture may have: 40 megapixels. */
    public static final long MAX_PIXELS = 40_000_000L;

    private AvatarImages() {}

    /** The upload's format by its first bytes: "png", "jpeg" or "gif"; null for anything else. */
    public static String sniff(byte[] b) {
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a
                && b[6] == 0x1a
                && b[7] == 0x0a) {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (b.length >= 6
                && b[0] == 'G'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == '8'
                && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') {
            return "gif";
        }
        return null;
    }

    /**
     * The avatar made from an upload.
     *
     * @throws InvalidInputException (field {@code avatar}) for an empty, too large, unknown, unreadable or too big
     *     picture, saying which
     */
    public static byte[] avatar(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException("avatar", "Choose a picture to upload.");
        }
        if (upload.length > MAX_BYTES) {
            throw new InvalidInputException("avatar", "The picture must be at most 2 MB.");
        }
        String format = sniff(upload);
        if (format == null) {
            throw new InvalidInputException("avatar", "The picture must be a PNG, JPEG or GIF image.");
        }
        BufferedImage decoded;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1) {
                    throw unreadable();
                }
                if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new InvalidInputException(
                            "avatar",
                            "The picture is " + w + " × " + h + " pixels; at most " + MAX_SIDE + " on a side.");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // Decode every n-th pixel of big pictures: the short side stays at least twice the avatar's.
                int step = Math.max(1, Math.min(w, h) / (SIZE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw unreadable();
        }
        return png(square(decoded));
    }

    private static InvalidInputException unreadable() {
        return new InvalidInputException("avatar", "The picture could not be read; try a PNG or JPEG.");
    }

    /** The middle square of the picture scaled to {@value #SIZE} pixels, on white (for transparent pictures). */
    private static BufferedImage square(BufferedImage src) {
        int side = Math.min(src.getWidth(), src.getHeight());
        int x = (src.getWidth() - side) / 2;
        int y = (src.getHeight() - side) / 2;
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            g.drawImage(src, 0, 0, SIZE, SIZE, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing a PNG to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
