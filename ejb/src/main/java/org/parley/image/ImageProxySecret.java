package org.parley.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.parley.common.SecretFiles;

/**
 * The image proxy's secret, which every server of a cluster must share (a page rendered by one server holds addresses
 * that another server checks): system property {@value #PROPERTY} when set, else the file {@code <data
 * dir>/parley/image-proxy-secret}, created with 32 random bytes (mode 600) when missing. {@code scripts/cluster.sh}
 * writes the same file into each of its servers' data folders; a single server makes its own on first start.
 */
final class ImageProxySecret {

    static final String PROPERTY = "parley.image-proxy.secret";
    static final int MIN_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ImageProxySecret() {}

    /** {@code <data dir>/parley/image-proxy-secret}; the data dir is WildFly's, or the temp dir outside WildFly. */
    static Path defaultFile() {
        String dataDir = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        return Path.of(dataDir, "parley", "image-proxy-secret");
    }

    /**
     * The configured secret: the system property, else the file's content (created first if missing), trimmed.
     *
     * @throws IllegalStateException when the secret is shorter than {@value #MIN_LENGTH} characters
     * @throws UncheckedIOException when the file cannot be read or written
     */
    static String load() {
        String configured = System.getProperty(PROPERTY);
        return check(configured != null && !configured.isBlank() ? configured.strip() : readOrCreate(defaultFile()));
    }

    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                create(file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static String check(String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    "The image proxy's secret must have at least " + MIN_LENGTH + " characters (" + PROPERTY + ")");
        }
        return secret;
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        SecretFiles.createPrivate(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
