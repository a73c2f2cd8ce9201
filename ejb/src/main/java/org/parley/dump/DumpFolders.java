package org.parley.dump;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.rules.InvalidInputException;

/**
 * The server folders imports may read from and exports may write to: each under one of the configured roots, so
 * that an admin's form cannot read or fill any folder the server process can reach. Roots are absolute paths
 * separated by {@code File.pathSeparator}, from {@value #IMPORT_ROOTS} and {@value #EXPORT_ROOTS}; without them, the
 * server's {@code data/parley/imports} and {@code data/parley/exports}. A folder named with a {@code ..} segment is
 * refused outright, and a folder is checked where it really is, symbolic links resolved, so a link inside a root
 * cannot lead out of it. (Outside WildFly, with neither property nor server data folder, no root applies: unit tests.)
 */
public final class DumpFolders {

    /** System property: the roots imports read from. */
    public static final String IMPORT_ROOTS = "parley.import.roots";

    /** System property: the roots exports write under. */
    public static final String EXPORT_ROOTS = "parley.export.roots";

    private DumpFolders() {}

    /**
     * The dump folder {@code dir} names, as it really is, when it lies under an import root.
     *
     * @throws InvalidInputException for a relative path, a {@code ..} segment, a folder that is not there, or one
     *     outside every import root (naming the roots)
     */
    public static Path importFolder(String dir) {
        Path folder = absolute(dir, "Give the folder of the dump on the server.");
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("Folder not found on the server: " + folder);
        }
        return inside(real(folder), roots(IMPORT_ROOTS, "imports"), "Imports read only from");
    }

    /**
     * The export folder {@code dir} names, where it really is (the folder may not exist yet: its nearest existing
     * parent is resolved), when it lies under an export root.
     *
     * @throws InvalidInputException for a relative path, a {@code ..} segment, or a folder outside every export root
     */
    public static Path exportFolder(String dir) {
        Path folder = absolute(dir, "Give the export folder as an absolute path on the server.");
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path real = existing == null ? folder : real(existing).resolve(existing.relativize(folder));
        return inside(real, roots(EXPORT_ROOTS, "exports"), "Exports write only under");
    }

    /** The configured roots of {@code property}, or the server's data folder's {@code parley/<fallback>}. */
    static List<Path> roots(String property, String fallback) {
        String configured = System.getProperty(property);
        List<Path> roots = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            for (String root : configured.split(File.pathSeparator)) {
                if (!root.isBlank()) {
                    roots.add(Path.of(root.strip()).toAbsolutePath().normalize());
                }
            }
        } else if (System.getProperty("jboss.server.data.dir") != null) {
            roots.add(Path.of(System.getProperty("jboss.server.data.dir"), "parley", fallback));
        }
        return roots;
    }

    private static Path absolute(String dir, String missing) {
        if (dir == null || dir.isBlank()) {
            throw new InvalidInputException(missing);
        }
        Path folder = Path.of(dir.strip());
        if (!folder.isAbsolute()) {
            throw new InvalidInputException("The folder must be an absolute path on the server: " + dir);
        }
        for (Path segment : folder) {
            if (segment.toString().equals("..")) {
                throw new InvalidInputException("The folder must not climb with '..': " + dir);
            }
        }
        return folder.normalize();
    }

    private static Path inside(Path real, List<Path> roots, String refusal) {
        if (roots.isEmpty()) {
            return real;
        }
        for (Path root : roots) {
            Path realRoot = Files.exists(root) ? real(root) : root;
            if (real.startsWith(realRoot)) {
                return real;
            }
        }
        throw new InvalidInputException(refusal + " "
                + String.join(", ", roots.stream().map(Path::toString).toList()) + " on this server; " + real
                + " is elsewhere.");
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot use " + path + ": " + e.getMessage());
        }
    }
}
