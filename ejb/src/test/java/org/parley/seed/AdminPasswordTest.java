package org.parley.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.rules.InvalidInputException;

class AdminPasswordTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsCreatedWithARandomPasswordOnlyItsOwnerReads() throws Exception {
        Path file = dir.resolve("parley").resolve("admin-password");

        String password = AdminPassword.readOrCreate(file);

        assertEquals(20, password.length());
        assertTrue(password.matches("[A-Za-z0-9]{20}"), password);
        assertEquals(password, Files.readString(file).strip());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file));
        }
        assertEquals(password, AdminPassword.readOrCreate(file), "read back, not replaced");
    }

    @Test
    void anExistingFileIsReadAndTrimmed() throws Exception {
        Path file = dir.resolve("admin-password");
        Files.writeString(file, "  chosen-by-the-operator \n");

        assertEquals("chosen-by-the-operator", AdminPassword.readOrCreate(file));
    }

    @Test
    void aTooShortPasswordIsRefused() throws Exception {
        Path file = dir.resolve("admin-password");
        Files.writeString(file, "short");

        assertThrows(InvalidInputException.class, () -> AdminPassword.readOrCreate(file));
    }

    @Test
    void generatedPasswordsDiffer() {
        assertNotEquals(AdminPassword.generate(), AdminPassword.generate());
    }
}
