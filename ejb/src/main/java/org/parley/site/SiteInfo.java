package org.parley.site;

import java.io.Serializable;

/**
 * What the web layer knows of a site: enough to resolve a request and render the top bar.
 *
 * @param math whether the site's posts show TeX math typeset (pages then load KaTeX)
 */
public record SiteInfo(long id, String host, String name, String title, String description, boolean math)
        implements Serializable {

    /** A site without math rendering. */
    public SiteInfo(long id, String host, String name, String title, String description) {
        this(id, host, name, title, description, false);
    }
}
