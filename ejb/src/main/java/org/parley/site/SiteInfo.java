package org.parley.site;

import java.io.Serializable;

/** What the web layer knows of a site: enough to resolve a request and render the top bar. */
public record SiteInfo(long id, String host, String name, String title, String description) implements Serializable {}
