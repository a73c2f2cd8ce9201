package org.parley.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.parley.common.SecretFiles;
import org.parley.user.User;

/**
 * The seeded admins' password, kept in a file so that it survives restarts and is never logged: read if the file
 * exists, otherwise created with a random 20-character password readable by its owner only.
 */
final class AdminPassword {

    static final int LENGTH = 20;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminPassword() {}

    /** {@code <data dir>/parley/admin-password}; the data dir is WildFly's, or the temp dir outside WildFly. */
    static Path defaultFile() {
        String dataDir = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        return Path.of(dataDir, "parley", "admin-password");
    }

    /**
     * The password in {@code file}, trimmed; creates the file with a new random password first if it is missing.
     *
     * @throws org.parley.rules.InvalidInputException when the file holds a password too short for a user
     * @throws UncheckedIOException when the file cannot be read or written
     */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                SecretFiles.createPrivate(file, generate());
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            User.checkPassword(password);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    static String generate() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
