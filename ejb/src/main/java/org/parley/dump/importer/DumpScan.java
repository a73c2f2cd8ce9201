package org.parley.dump.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpFormatException;
import org.parley.dump.DumpReader;
import org.parley.dump.DumpRow;
import org.parley.rules.InvalidInputException;

/**
 * What the validation step learns by reading every file of a dump folder to the end before anything is written: which
 * files the folder lacks, each file's rows and bytes, and the highest post and user numbers that any row names. The
 * numbers are what the site must never hand out to a post or user made during or after the import, so they count
 * every mention: a vote on a post the dump leaves out, a comment by a user missing from Users.xml, a tag's wiki post.
 *
 * <p>Only Posts.xml is required (see {@link #REQUIRED}); a folder lacking any other file, as older dumps and partial
 * mirrors do, imports what it has, with one {@link #warning} per missing file. A file that is there but unreadable
 * fails the scan, as before.
 *
 * @param missing the files the folder does not have
 * @param rows rows per file that is there
 * @param bytes size per file that is there
 * @param maxPostNumber the highest post number a row names, {@link Long#MIN_VALUE} when none does
 * @param maxUserNumber the highest user number a row names, {@link Long#MIN_VALUE} when none does
 * @param parseMillis the time the scan took
 */
public record DumpScan(
        Set<DumpFile> missing,
        Map<DumpFile, Long> rows,
        Map<DumpFile, Long> bytes,
        long maxPostNumber,
        long maxUserNumber,
        long parseMillis) {

    /**
     * The files without which there is nothing to import: the questions and answers. Users.xml is optional, as the
     * importer already shows a post or comment whose user is not in Users.xml under the dump's display name (or
     * {@code user<Id>}) and keeps the user's Id for export.
     */
    public static final Set<DumpFile> REQUIRED = Collections.unmodifiableSet(EnumSet.of(DumpFile.POSTS));

    /** The attributes of each file that name a post, and those that name a user, by number. */
    private static final Map<DumpFile, String[]> POST_REFS = new EnumMap<>(Map.of(
            DumpFile.TAGS, new String[] {"ExcerptPostId", "WikiPostId"},
            DumpFile.POSTS, new String[] {"Id", "ParentId", "AcceptedAnswerId"},
            DumpFile.COMMENTS, new String[] {"PostId"},
            DumpFile.VOTES, new String[] {"PostId"},
            DumpFile.POST_HISTORY, new String[] {"PostId"},
            DumpFile.POST_LINKS, new String[] {"PostId", "RelatedPostId"}));

    private static final Map<DumpFile, String[]> USER_REFS = new EnumMap<>(Map.of(
            DumpFile.USERS, new String[] {"Id"},
            DumpFile.POSTS, new String[] {"OwnerUserId", "LastEditorUserId"},
            DumpFile.COMMENTS, new String[] {"UserId"},
            DumpFile.VOTES, new String[] {"UserId"},
            DumpFile.BADGES, new String[] {"UserId"},
            DumpFile.POST_HISTORY, new String[] {"UserId"}));

    public DumpScan {
        missing = Collections.unmodifiableSet(
                missing.isEmpty() ? EnumSet.noneOf(DumpFile.class) : EnumSet.copyOf(missing));
        rows = Collections.unmodifiableMap(new EnumMap<>(rows));
        bytes = Collections.unmodifiableMap(new EnumMap<>(bytes));
    }

    /**
     * Reads every file of {@code dir} that is there to the end.
     *
     * @throws InvalidInputException when the folder lacks a {@link #REQUIRED} file
     * @throws DumpFormatException naming the file and line, for a file that is there but is not a readable dump file
     *     (not XML, cut off, not UTF-8, another root element)
     */
    public static DumpScan of(Path dir) {
        long started = System.nanoTime();
        Set<DumpFile> missing = EnumSet.noneOf(DumpFile.class);
        Map<DumpFile, Long> rows = new EnumMap<>(DumpFile.class);
        Map<DumpFile, Long> bytes = new EnumMap<>(DumpFile.class);
        for (DumpFile kind : DumpFile.values()) {
            if (!Files.exists(dir.resolve(kind.fileName()))) {
                if (REQUIRED.contains(kind)) {
                    throw new InvalidInputException("Missing file " + dir.resolve(kind.fileName())
                            + ": a dump without it has nothing to import.");
                }
                missing.add(kind);
            }
        }
        long maxPost = Long.MIN_VALUE;
        long maxUser = Long.MIN_VALUE;
        for (DumpFile kind : DumpFile.values()) {
            if (missing.contains(kind)) {
                continue;
            }
            String[] postRefs = POST_REFS.getOrDefault(kind, new String[0]);
            String[] userRefs = USER_REFS.getOrDefault(kind, new String[0]);
            try (DumpReader reader = DumpReader.open(dir, kind)) {
                DumpRow row;
                while ((row = reader.next()) != null) {
                    maxPost = Math.max(maxPost, max(row, postRefs));
                    maxUser = Math.max(maxUser, max(row, userRefs));
                }
                rows.put(kind, reader.ordinal());
            }
            try {
                bytes.put(kind, Files.size(dir.resolve(kind.fileName())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DumpScan(missing, rows, bytes, maxPost, maxUser, (System.nanoTime() - started) / 1_000_000);
    }

    /** The highest of the row's numbers in {@code names}; a malformed one is the importer's to skip, not a limit. */
    private static long max(DumpRow row, String[] names) {
        long max = Long.MIN_VALUE;
        for (String name : names) {
            try {
                Long v = row.getLong(name);
                if (v != null && v > max) {
                    max = v;
                }
            } catch (NumberFormatException malformed) {
                // counted when the row is written
            }
        }
        return max;
    }

    /** All rows of the files that are there. */
    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** All bytes of the files that are there. */
    public long totalBytes() {
        return bytes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What a site imported without {@code file} lacks, as the import summary says it. */
    public static String warning(DumpFile file) {
        String lacks = switch (file) {
            case USERS ->
                "posts and comments show their authors by the dump's display names (or user<Id>), nobody has a"
                        + " profile, and the badges have no one to go to";
            case TAGS -> "tags are made from the questions' tags, without their wikis and excerpts";
            case POSTS -> "there is nothing to import";
            case COMMENTS -> "posts have no comments";
            case VOTES -> "none of the dump's votes are kept (scores still come from Posts.xml)";
            case BADGES -> "users have no badges";
            case POST_HISTORY -> "posts have no revision history";
            case POST_LINKS -> "questions show no linked or duplicate questions";
        };
        return file.fileName() + " is missing: " + lacks + ".";
    }
}
