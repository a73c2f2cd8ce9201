package org.parley.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.rules.InvalidInputException;

/** Imports read, and exports write, only under their roots (issue 18, item 4). */
class DumpFoldersTest {

    @TempDir
    Path tmp;

    private Path imports;
    private Path exports;
    private Path outside;

    @BeforeEach
    void roots() throws Exception {
        imports = Files.createDirectories(tmp.resolve("imports"));
        exports = Files.createDirectories(tmp.resolve("exports"));
        outside = Files.createDirectories(tmp.resolve("elsewhere/dump"));
        System.setProperty(DumpFolders.IMPORT_ROOTS, imports.toString());
        System.setProperty(DumpFolders.EXPORT_ROOTS, exports.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty(DumpFolders.IMPORT_ROOTS);
        System.clearProperty(DumpFolders.EXPORT_ROOTS);
    }

    @Test
    void importsReadOnlyUnderTheirRoots() throws Exception {
        Path dump = Files.createDirectories(imports.resolve("beer.stackexchange.com"));
        assertEquals(dump.toRealPath(), DumpFolders.importFolder(dump.toString()));

        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> DumpFolders.importFolder(outside.toString()));
        assertTrue(refused.getMessage().startsWith("Imports read only from " + imports), refused.getMessage());
        assertThrows(
                InvalidInputException.class,
                () -> DumpFolders.importFolder(imports + "/../elsewhere/dump"),
                "no climbing out with ..");
        assertThrows(InvalidInputException.class, () -> DumpFolders.importFolder("relative/dump"));

        Path link = Files.createSymbolicLink(imports.resolve("link"), outside);
        assertThrows(
                InvalidInputException.class,
                () -> DumpFolders.importFolder(link.toString()),
                "a link inside a root cannot lead out of it");
    }

    @Test
    void exportsWriteOnlyUnderTheirRoots() throws Exception {
        Path fresh = exports.resolve("cooking/2026-12-06");
        assertEquals(exports.toRealPath().resolve("cooking/2026-12-06"), DumpFolders.exportFolder(fresh.toString()));
        assertThrows(
                InvalidInputException.class,
                () -> DumpFolders.exportFolder(tmp.resolve("etc/new").toString()));
        assertThrows(InvalidInputException.class, () -> DumpFolders.exportFolder(exports + "/../imports/x"));
        Path link = Files.createSymbolicLink(exports.resolve("out"), outside.getParent());
        assertThrows(
                InvalidInputException.class,
                () -> DumpFolders.exportFolder(link.resolve("new").toString()),
                "nor can an export follow a link out");
    }
}
