package org.parley.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2WithHmacSHA512 password hashes, stored as {@code pbkdf2-sha512$<iterations>$<base64 salt>$<base64 hash>}
 * with a random 16-byte salt and {@value #ITERATIONS} iterations. Slow on purpose: a fraction of a second per hash.
 */
public final class PasswordHasher {

    public static final int ITERATIONS = 210_000;

    /** A stored value no password matches, for users who must not log in (seeded demo users). */
    public static final String UNUSABLE = "!unusable";

    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final String PREFIX = "pbkdf2-sha512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;
    /** Guards against a stored value that would make one verification run for minutes. */
    private static final int MAX_ITERATIONS = 10_000_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** Verified against when a user is unknown, so that a log-in takes as long whether or not the user exists. */
    private static volatile String decoy;

    private PasswordHasher() {}

    /**
     * Hashes a password with a fresh random salt.
     *
     * @throws IllegalArgumentException when {@code password} is null
     */
    public static String hash(String password) {
        if (password == null) {
            throw new IllegalArgumentException("password is null");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, ITERATIONS, HASH_BITS);
        return PREFIX + '$' + ITERATIONS + '$' + ENCODER.encodeToString(salt) + '$' + ENCODER.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code stored}; false for null or malformed input (including {@link #UNUSABLE}).
     * Compares in constant time.
     */
    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = DECODER.decode(parts[2]);
            byte[] expected = DECODER.decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || expected.length == 0) {
                return false;
            }
            byte[] actual = pbkdf2(password, salt, iterations, expected.length * 8);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification and returns false; for unknown usernames. */
    public static boolean verifyDecoy(String password) {
        String d = decoy;
        if (d == null) {
            d = hash("decoy-password-never-matches");
            decoy = d;
        }
        verify(password == null ? "" : password, d);
        return false;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations, int bits) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
