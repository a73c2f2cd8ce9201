package org.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every import runs downward (ARCHITECTURE.md, "Layers"). Reads the main sources of the EJB, WAR and JMS modules as
 * text, so that it also sees what the compiler inlines (a constant used in an annotation leaves no trace in bytecode).
 * A reference is an {@code import} or a fully qualified name in code; comments and strings do not count.
 *
 * <p>The rules:
 *
 * <ol>
 *   <li>In the EJB module a package belongs to a feature (its first name after {@code org.parley}; {@code post.proto}
 *       is part of {@code post}), and a feature may use only the features below it in {@link #EJB_FLOORS}.
 *   <li>In the WAR and JMS modules a package may use the WAR/JMS packages below it in {@link #WAR_FLOORS}, and EJB
 *       features up to its own ceiling there: {@code post.web} sees {@code post} and what lies below, never {@code
 *       listing}.
 *   <li>Every package has a place: a new one fails this test until it is given one.
 * </ol>
 */
class ArchitectureTest {

    /** EJB features from the ground up: the infrastructure, the model, the features over the model. */
    static final List<String> EJB_FLOORS = List.of(
            // infrastructure that knows no feature
            "common",
            "rules",
            "submission",
            "markdown",
            "diff",
            "metrics",
            "messaging",
            "analysis",
            "cache",
            "image",
            // online backups of the database: a data source, no feature
            "backup",
            // the model
            "site",
            "user",
            "tag",
            "post",
            "revision",
            "link",
            "badge",
            "message",
            "notification",
            "tagwiki",
            "synonym",
            "tagwatch",
            // features over the model
            "listing",
            "search",
            "moderation",
            "flag",
            "review",
            "award",
            "health",
            "seed",
            "dump",
            // the users directory and profile tabs read imported votes for reputation history
            "people",
            // the Stack Exchange-compatible API reads over the whole model, the tag engine and imported votes
            "api",
            // the exception log: every capture point reaches it through descriptors (ejb-jar.xml, job XML, web.xml,
            // faces-config.xml), never an import, so it can sit on top and see the server's admins (site)
            "errorlog",
            // the access log and its statistics: fed by a filter in the WAR, read by the server's admins (site)
            "accesslog");

    /**
     * WAR and JMS packages from the ground up, each with the highest EJB feature it may use. The WAR's ground floor
     * is what every request passes through: links and errors, the site a host names, the viewer. The output cache
     * ({@code cache.web}) sits above them because it keeps pages per site and steps aside for logged-in viewers, and it
     * sees {@code post} because it counts a view of each question page it serves. The site admin pages see {@code post}
     * for each site's question count.
     */
    static final Map<String, String> WAR_FLOORS = floors(
            "web", "user",
            "rest", "rules",
            "metrics.web", "metrics",
            "image.web", "image",
            "site.web", "site",
            "user.security", "user",
            "site.admin", "post",
            "cache.web", "post",
            "health.web", "health",
            "backup.web", "backup",
            "user.web", "user",
            "post.web", "post",
            "post.live", "post",
            "post.jms", "post",
            "revision.web", "revision",
            "tagwiki.web", "tagwiki",
            "synonym.web", "synonym",
            "tagwatch.web", "tagwatch",
            "tagwatch.rest", "tagwatch",
            "listing.web", "listing",
            "search.web", "search",
            "moderation.web", "moderation",
            "flag.web", "flag",
            "review.web", "review",
            "message.jms", "message",
            "message.rest", "message",
            "message.web", "message",
            "notification.push", "notification",
            "notification.rest", "notification",
            "notification.web", "notification",
            "badge.web", "badge",
            "people.web", "people",
            "award.jms", "award",
            "dump.rest", "dump",
            "dump.web", "dump",
            "search.rest", "search",
            "api.rest", "api",
            "errorlog.web", "errorlog",
            "accesslog.web", "accesslog");

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+org\\.parley\\.([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.parley\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z*]");
    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'", Pattern.DOTALL);

    @Test
    void everyEjbFeatureUsesOnlyTheFloorsBelowIt() {
        List<String> wrong = new ArrayList<>();
        for (Source source : sources("ejb")) {
            int from = ejbFloor(source.pkg());
            for (String target : source.references()) {
                if (!feature(target).equals(feature(source.pkg())) && ejbFloor(target) >= from) {
                    wrong.add(source + " uses " + target);
                }
            }
        }
        assertEquals(List.of(), wrong, "EJB imports that run up (or sideways) a floor");
    }

    @Test
    void everyWarAndJmsPackageUsesOnlyWhatLiesBelowIt() {
        List<String> floors = new ArrayList<>(WAR_FLOORS.keySet());
        List<String> wrong = new ArrayList<>();
        for (String module : List.of("web", "jms")) {
            for (Source source : sources(module)) {
                int from = warFloor(source.pkg());
                int ceiling = ejbFloor(WAR_FLOORS.get(source.pkg()));
                for (String target : source.references()) {
                    if (target.equals(source.pkg())) {
                        continue;
                    }
                    if (floors.contains(target)) {
                        if (floors.indexOf(target) >= from) {
                            wrong.add(source + " uses " + target + ", which is not below it");
                        }
                    } else if (ejbFloor(target) > ceiling) {
                        wrong.add(source + " uses " + target + ", above its ceiling " + WAR_FLOORS.get(source.pkg()));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "WAR and JMS imports that run up");
    }

    @Test
    void everyPackageHasItsPlace() {
        Set<String> unplaced = new TreeSet<>();
        sources("ejb").forEach(s -> {
            if (!EJB_FLOORS.contains(feature(s.pkg()))) {
                unplaced.add("ejb: " + s.pkg());
            }
        });
        for (String module : List.of("web", "jms")) {
            sources(module).forEach(s -> {
                if (!WAR_FLOORS.containsKey(s.pkg())) {
                    unplaced.add(module + ": " + s.pkg());
                }
            });
        }
        assertEquals(Set.of(), unplaced, "packages with no place in ArchitectureTest's floors");
        assertTrue(WAR_FLOORS.values().stream().allMatch(EJB_FLOORS::contains), "every ceiling is an EJB feature");
    }

    /**
     * JSON-P goes through {@code JsonProviders.JSON}: {@code jakarta.json.Json}'s factory methods look the provider up
     * again on every call (a ServiceLoader walk over the deployment's jars), which showed in a page's profile.
     */
    @Test
    void jsonGoesThroughTheProviderLookedUpOnce() {
        List<String> calls = new ArrayList<>();
        for (String module : List.of("ejb", "web", "jms")) {
            Path root = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    if (java.util.regex.Pattern.compile("(?<![\\w.])Json\\.create")
                            .matcher(text)
                            .find()) {
                        calls.add(file.toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(List.of(), calls, "sources calling jakarta.json.Json's factories instead of JsonProviders.JSON");
    }

    @Test
    void aReferenceUpwardIsFound() {
        Source source = Source.of(Path.of("Post.java"), """
                package org.parley.post;

                import org.parley.common.Page; // org.parley.listing.TagEngine in a comment does not count
                import org.parley.listing.TagEngine;

                /** {@link org.parley.dump.Extras} in Javadoc does not count. */
                class Post {
                    @Column(length = org.parley.dump.Extras.MAX_TEXT)
                    String s = "org.parley.seed.DemoSeeder";
                }
                """);
        assertEquals("post", source.pkg());
        assertEquals(Set.of("common", "listing", "dump"), source.references());
        assertTrue(ejbFloor("listing") > ejbFloor("post"));
    }

    private static int ejbFloor(String pkg) {
        int floor = EJB_FLOORS.indexOf(feature(pkg));
        if (floor < 0) {
            throw new AssertionError("No EJB floor for " + pkg + ": give it a place in ArchitectureTest.EJB_FLOORS");
        }
        return floor;
    }

    private static int warFloor(String pkg) {
        int floor = new ArrayList<>(WAR_FLOORS.keySet()).indexOf(pkg);
        if (floor < 0) {
            throw new AssertionError("No WAR floor for " + pkg + ": give it a place in ArchitectureTest.WAR_FLOORS");
        }
        return floor;
    }

    private static String feature(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    private static Map<String, String> floors(String... pairs) {
        Map<String, String> floors = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            floors.put(pairs[i], pairs[i + 1]);
        }
        return floors;
    }

    /** The main sources of a module, found from the EJB module's directory (where Surefire runs). */
    private static List<Source> sources(String module) {
        Path root = Path.of("..", module, "src", "main", "java");
        assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is missing");
        try (Stream<Path> files = Files.walk(root)) {
            List<Source> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Source.of(file, Files.readString(file)));
            }
            assertTrue(!sources.isEmpty(), "no sources under " + root);
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One source file: its package (after {@code org.parley.}) and the packages it references. */
    record Source(Path file, String pkg, Set<String> references) {

        static Source of(Path file, String text) {
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                throw new AssertionError(file + " has no org.parley package");
            }
            String code = COMMENTS_AND_STRINGS.matcher(text).replaceAll(" ");
            Set<String> references = new TreeSet<>();
            Matcher reference = REFERENCE.matcher(code.substring(code.indexOf(';', code.indexOf("package")) + 1));
            while (reference.find()) {
                references.add(reference.group(1));
            }
            references.remove(pkg.group(1));
            return new Source(file, pkg.group(1), references);
        }

        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }
}
