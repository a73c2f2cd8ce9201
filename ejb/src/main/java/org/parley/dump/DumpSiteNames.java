package org.parley.dump;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a dump's folder name ({@code beer.stackexchange.com}, {@code meta.french.stackexchange.com},
 * {@code es.stackoverflow.com}) tells about the site it came from: its host, a readable title and its language. Data
 * dumps name their folders (and archives) after the site's host, and carry no title or language of their own.
 */
public final class DumpSiteNames {

    private static final Pattern HOST = Pattern.compile("[a-z0-9-]+(?:\\.[a-z0-9-]+)+");

    /** Network sites whose title is not their host name's first label capitalised. */
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("stackoverflow", "Stack Overflow"),
            Map.entry("superuser", "Super User"),
            Map.entry("serverfault", "Server Fault"),
            Map.entry("askubuntu", "Ask Ubuntu"),
            Map.entry("mathoverflow", "MathOverflow"),
            Map.entry("stackapps", "Stack Apps"),
            Map.entry("ell", "English Language Learners"),
            Map.entry("english", "English Language & Usage"),
            Map.entry("scifi", "Science Fiction & Fantasy"),
            Map.entry("diy", "Home Improvement"),
            Map.entry("gamedev", "Game Development"),
            Map.entry("softwareengineering", "Software Engineering"),
            Map.entry("codereview", "Code Review"),
            Map.entry("quantumcomputing", "Quantum Computing"),
            Map.entry("datascience", "Data Science"),
            Map.entry("tex", "TeX - LaTeX"),
            Map.entry("ux", "User Experience"),
            Map.entry("rpg", "Role-playing Games"),
            Map.entry("3dprinting", "3D Printing"));

    /** Sites about a language, written (mostly) in it: "French Language", served with {@code lang="fr"}. */
    private static final Map<String, String> LANGUAGE_SITES = Map.ofEntries(
            Map.entry("french", "fr"),
            Map.entry("german", "de"),
            Map.entry("spanish", "es"),
            Map.entry("italian", "it"),
            Map.entry("portuguese", "pt"),
            Map.entry("russian", "ru"),
            Map.entry("japanese", "ja"),
            Map.entry("chinese", "zh"),
            Map.entry("korean", "ko"),
            Map.entry("ukrainian", "uk"),
            Map.entry("latin", "la"));

    /** Local-language Stack Overflows: {@code es.stackoverflow.com}, {@code ru.stackoverflow.com}, ... */
    private static final Set<String> LOCAL_PREFIXES = Set.of("es", "ru", "pt", "ja");

    private DumpSiteNames() {}

    /**
     * The host a folder name names, lower-case, without an archive suffix ({@code .7z}, {@code .zip}); null when the
     * name is not a host name (e.g. {@code dump} or {@code my-export}).
     */
    public static String sourceHost(String folderName) {
        if (folderName == null) {
            return null;
        }
        String name = folderName.strip().toLowerCase(Locale.ROOT).replaceFirst("\\.(7z|zip|tar\\.gz|tgz)$", "");
        return HOST.matcher(name).matches() ? name : null;
    }

    /**
     * A readable title: {@code beer.stackexchange.com} gives "Beer", {@code meta.french.stackexchange.com} "French
     * Language Meta", {@code es.stackoverflow.com} "Stack Overflow (es)"; a name that is not a host comes back with
     * its words capitalised ({@code my-site} gives "My Site"). Null or blank gives null.
     */
    public static String title(String folderName) {
        if (folderName == null || folderName.isBlank()) {
            return null;
        }
        String host = sourceHost(folderName);
        if (host == null) {
            return words(folderName.strip());
        }
        List<String> labels = new ArrayList<>(List.of(host.split("\\.")));
        labels.remove(labels.size() - 1); // com, net
        boolean meta = labels.remove("meta");
        String localPrefix = null;
        if (labels.size() > 1 && LOCAL_PREFIXES.contains(labels.get(0))) {
            localPrefix = labels.remove(0);
        }
        labels.remove("stackexchange");
        String site = labels.isEmpty() ? "stackexchange" : labels.get(0);
        String title = site.equals("stackexchange")
                ? "Stack Exchange"
                : TITLES.containsKey(site)
                        ? TITLES.get(site)
                        : LANGUAGE_SITES.containsKey(site) ? words(site) + " Language" : words(site);
        if (localPrefix != null) {
            title += " (" + localPrefix + ")";
        }
        return meta ? title + " Meta" : title;
    }

    /** The language a site's posts are written in, as a BCP 47 tag: {@code fr} for the French site, else {@code en}. */
    public static String language(String folderName) {
        String host = sourceHost(folderName);
        if (host == null) {
            return "en";
        }
        String[] labels = host.split("\\.");
        if (labels.length > 2 && labels[1].equals("stackoverflow") && LOCAL_PREFIXES.contains(labels[0])) {
            return labels[0];
        }
        for (String label : labels) {
            if (LANGUAGE_SITES.containsKey(label)) {
                return LANGUAGE_SITES.get(label);
            }
        }
        return "en";
    }

    private static String words(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("[-_.\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
