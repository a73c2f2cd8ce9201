package org.parley.site;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the web layer knows of a site: enough to resolve a request and render the top bar.
 *
 * @param language the BCP 47 tag of the language its posts are written in ({@code en}, {@code fr}), for the page's
 *     {@code lang} attribute
 * @param sourceHost for a site imported from Stack Exchange, the host it came from ({@code beer.stackexchange.com}),
 *     whose question links in posts point here instead; null for others
 * @param aliases further host names the site answers on, besides {@code host}
 * @param math whether the site's posts show TeX math typeset (pages then load KaTeX)
 * @param privileges the reputation each privilege needs on the site; null for Stack Overflow's
 * @param limits the site's anti-abuse limits; null for Stack Overflow's
 */
public record SiteInfo(
        long id,
        String host,
        String name,
        String title,
        String description,
        String language,
        String sourceHost,
        List<String> aliases,
        boolean math,
        PrivilegeLadder privileges,
        SiteLimits limits)
        implements Serializable {

    public SiteInfo {
        privileges = privileges == null ? PrivilegeLadder.defaults() : privileges;
        limits = limits == null ? SiteLimits.defaults() : limits;
        language = language == null || language.isBlank() ? Site.DEFAULT_LANGUAGE : language;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        Objects.requireNonNull(host, "host");
    }

    /** The host name and the aliases: every name the site answers on. */
    public List<String> hostNames() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(host);
        names.addAll(aliases);
        return names;
    }

    /** A site with Stack Overflow's limits. */
    public SiteInfo(
            long id,
            String host,
            String name,
            String title,
            String description,
            String language,
            String sourceHost,
            List<String> aliases,
            boolean math,
            PrivilegeLadder privileges) {
        this(id, host, name, title, description, language, sourceHost, aliases, math, privileges, null);
    }

    /** A site with Stack Overflow's privilege thresholds and limits. */
    public SiteInfo(
            long id,
            String host,
            String name,
            String title,
            String description,
            String language,
            String sourceHost,
            List<String> aliases,
            boolean math) {
        this(id, host, name, title, description, language, sourceHost, aliases, math, null, null);
    }

    /** A site in the default language, not imported, without aliases or math rendering. */
    public SiteInfo(long id, String host, String name, String title, String description) {
        this(id, host, name, title, description, null, null, List.of(), false, null, null);
    }
}
