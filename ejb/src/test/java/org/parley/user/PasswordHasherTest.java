package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.parley.rules.InvalidInputException;

class PasswordHasherTest {

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String stored = PasswordHasher.hash("correct-horse-battery");

        assertTrue(PasswordHasher.verify("correct-horse-battery", stored));
        assertFalse(PasswordHasher.verify("correct-horse-batterY", stored));
        assertFalse(PasswordHasher.verify("correct-horse-battery ", stored));
        assertFalse(PasswordHasher.verify("", stored));
        assertFalse(PasswordHasher.verify(null, stored));
    }

    @Test
    void theFormatIsAlgorithmIterationsSaltHash() {
        String stored = PasswordHasher.hash("correct-horse-battery");
        String[] parts = stored.split("\\$");

        assertEquals(4, parts.length, stored);
        assertEquals("pbkdf2-sha512", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(64, Base64.getDecoder().decode(parts[3]).length);
        assertFalse(stored.contains("correct-horse-battery"));
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String one = PasswordHasher.hash("the same password");
        String two = PasswordHasher.hash("the same password");

        assertNotEquals(one, two);
        assertNotEquals(one.split("\\$")[2], two.split("\\$")[2]);
        assertTrue(PasswordHasher.verify("the same password", one));
        assertTrue(PasswordHasher.verify("the same password", two));
    }

    @Test
    void aTamperedHashDoesNotVerify() {
        String stored = PasswordHasher.hash("correct-horse-battery");
        String[] parts = stored.split("\\$");
        String otherSalt = Base64.getEncoder().withoutPadding().encodeToString(new byte[16]);

        assertFalse(PasswordHasher.verify(
                "correct-horse-battery", parts[0] + "$" + parts[1] + "$" + otherSalt + "$" + parts[3]));
        assertFalse(PasswordHasher.verify("correct-horse-battery", parts[0] + "$1$" + parts[2] + "$" + parts[3]));
    }

    @Test
    void malformedOrUnusableStoredValuesNeverVerify() {
        assertFalse(PasswordHasher.verify("anything", PasswordHasher.UNUSABLE));
        assertFalse(PasswordHasher.verify("anything", null));
        assertFalse(PasswordHasher.verify("anything", ""));
        assertFalse(PasswordHasher.verify("anything", "pbkdf2-sha512$x$y$z"));
        assertFalse(PasswordHasher.verify("anything", "pbkdf2-sha512$0$AAAA$AAAA"));
        assertFalse(
                PasswordHasher.verify("anything", "pbkdf2-sha512$999999999$AAAA$AAAA"),
                "absurd iteration counts are refused");
        assertFalse(PasswordHasher.verify("anything", "md5$1$AAAA$AAAA"));
        assertFalse(PasswordHasher.verifyDecoy("anything"));
    }

    @Test
    void newPasswordsNeedTenCharacters() {
        assertThrows(InvalidInputException.class, () -> User.checkPassword("123456789"));
        assertThrows(InvalidInputException.class, () -> User.checkPassword(null));
        assertThrows(InvalidInputException.class, () -> User.checkPassword("x".repeat(201)));
        User.checkPassword("1234567890");
    }
}
