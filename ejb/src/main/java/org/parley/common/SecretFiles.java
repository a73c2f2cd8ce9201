package org.parley.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Secrets a server keeps in its data directory (the admin's first password, the image proxy's key). */
public final class SecretFiles {

    private SecretFiles() {}

    /**
     * Writes {@code secret} and a line break to a new file readable by its owner only (mode 600 where the file system
     * has POSIX permissions). When the file exists already, because another server on the same data directory was
     * first, nothing is written: its secret wins.
     */
    public static void createPrivate(Path file, String secret) throws IOException {
        try {
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException anotherServerWasFirst) {
            // Its secret wins.
        }
    }
}
