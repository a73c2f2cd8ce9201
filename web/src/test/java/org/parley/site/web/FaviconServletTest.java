package org.parley.site.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FaviconServletTest {

    @Test
    void theInitialIsTheTitlesFirstLetter() {
        assertEquals("B", FaviconServlet.initial("beer"));
        assertEquals("É", FaviconServlet.initial(" école"));
        assertEquals("P", FaviconServlet.initial(" "));
    }

    @Test
    void theSvgShowsTheEscapedInitial() {
        String svg = FaviconServlet.svg("<");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains(">&lt;</text>"), svg);
        assertTrue(svg.contains("fill=\"#2454d6\""), svg);
    }

    @Test
    void theIcoHoldsOne32PixelPng() throws Exception {
        byte[] ico = FaviconServlet.ico("B");
        assertNotNull(ico);
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, b.getShort(0));
        assertEquals(1, b.getShort(2), "an icon");
        assertEquals(1, b.getShort(4), "one image");
        assertEquals(32, ico[6]);
        assertEquals(ico.length - 22, b.getInt(14));
        assertEquals(22, b.getInt(18));
        byte[] png = Arrays.copyOfRange(ico, 22, ico.length);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(32, image.getWidth());
        assertEquals(0x2454d6, image.getRGB(16, 2) & 0xffffff, "the brand colour at the top");
    }
}
