package org.parley.user;

/**
 * PBKDF2WithHmacSHA512 password hashes, stored as {@code pbkdf2-sha512$<iterations>$<base64 salt>$<base64 hash>}.
 * Slow on purpose.
 */
public final class PasswordHasher {

  private PasswordHasher() {}

  /** Hashes a password with a fresh random salt. */
  public static String hash(String password) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Whether {@code password} matches {@code stored}; false for null or malformed input. Constant-time compare. */
  public static boolean verify(String password, String stored) {
    throw new UnsupportedOperationException("not yet");
  }
}
