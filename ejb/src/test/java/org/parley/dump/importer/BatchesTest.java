package org.parley.dump.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The COPY text {@link Batches.Utf8Text} writes: the escapes and the bytes a String and getBytes(UTF_8) give. */
class BatchesTest {

    /** What the COPY writer did before it encoded in one pass: escape into a String, then getBytes(UTF_8). */
    private static byte[] reference(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] written(String... values) {
        Batches.Utf8Text t = new Batches.Utf8Text(1);
        for (String v : values) {
            t.escaped(v);
        }
        return Arrays.copyOf(t.bytes, t.length);
    }

    @Test
    void escapesAndEncodesAsTheStringPathDid() {
        String[] values = {
            "",
            "plain",
            "tab\tnl\ncr\rbs\\ \\N \\.",
            "\\\\\\\\\t\t\n",
            "été ß ü ñ",
            "€ 中文 \uFFFF",
            "astral \uD83D\uDE00 end",
            "lone high \uD83D end",
            "lone low \uDE00 end",
            "ends with high \uD83D",
            "\uDE00\uD83D reversed pair"
        };
        for (String v : values) {
            assertArrayEquals(reference(v), written(v), v);
        }
        // Fields never meet (a tab or a newline is between them), so a surrogate pair is never split over two.
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (String v : values) {
            all.writeBytes(reference(v));
        }
        assertArrayEquals(all.toByteArray(), written(values), "one after another");
    }

    @Test
    void randomTextEncodesAsTheStringPathDid() {
        Random random = new Random(18);
        char[] alphabet = {
            'a', 'Z', '\\', '\t', '\n', '\r', 'é', '€', '中', '\uD83D', '\uDE00', '\u0000', '\u07ff', '\u0800'
        };
        for (int n = 0; n < 2_000; n++) {
            char[] cs = new char[random.nextInt(60)];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String v = new String(cs);
            assertArrayEquals(reference(v), written(v), v);
        }
    }
}
