package org.parley.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.parley.rules.InvalidInputException;

class AvatarImagesTest {

    static byte[] picture(int w, int h, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A PNG signature and header that claim {@code w} × {@code h} pixels, and no pixels at all. */
    static byte[] claimedPng(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h).put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
        return png.array();
    }

    @Test
    void aPictureBecomesTheMiddleSquareAsA128PixelPng() throws IOException {
        for (String format : new String[] {"png", "jpeg", "gif"}) {
            byte[] avatar = AvatarImages.avatar(picture(900, 400, format));
            assertEquals("png", AvatarImages.sniff(avatar), format);
            BufferedImage out = ImageIO.read(new ByteArrayInputStream(avatar));
            assertEquals(AvatarImages.SIZE, out.getWidth());
            assertEquals(AvatarImages.SIZE, out.getHeight());
            // The middle square of a red picture with a blue middle: blue in the centre.
            Color centre = new Color(out.getRGB(64, 64));
            assertTrue(centre.getBlue() > 200 && centre.getRed() < 60, format + " " + centre);
        }
    }

    @Test
    void theTypeIsJudgedByTheBytesNotTheName() {
        InvalidInputException text = assertThrows(
                InvalidInputException.class,
                () -> AvatarImages.avatar("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("avatar", text.field());
        assertTrue(text.getMessage().contains("PNG, JPEG or GIF"), text.getMessage());
        assertNull(AvatarImages.sniff("GIF90a".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("jpeg", AvatarImages.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}));
        // A PNG's signature and then garbage: refused as unreadable, not a server error.
        byte[] broken = Arrays.copyOf(claimedPng(10, 10), 20);
        InvalidInputException unreadable = assertThrows(InvalidInputException.class, () -> AvatarImages.avatar(broken));
        assertTrue(unreadable.getMessage().contains("could not be read"), unreadable.getMessage());
    }

    @Test
    void aHugePictureIsRefusedFromItsHeaderBeforeAnyPixelIsDecoded() {
        byte[] bomb = claimedPng(60_000, 60_000);
        assertTrue(bomb.length < 100);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> AvatarImages.avatar(bomb));
        assertTrue(refused.getMessage().contains("60000 × 60000"), refused.getMessage());
        assertThrows(InvalidInputException.class, () -> AvatarImages.avatar(claimedPng(7000, 7000)), "49 megapixels");
    }

    @Test
    void emptyAndTooLargeUploadsAreRefused() throws IOException {
        assertThrows(InvalidInputException.class, () -> AvatarImages.avatar(new byte[0]));
        byte[] big = Arrays.copyOf(picture(10, 10, "png"), AvatarImages.MAX_BYTES + 1);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> AvatarImages.avatar(big));
        assertTrue(refused.getMessage().contains("2 MB"), refused.getMessage());
        byte[] small = picture(10, 10, "png");
        assertArrayEquals(AvatarImages.avatar(small), AvatarImages.avatar(small), "the same picture, the same bytes");
    }
}
