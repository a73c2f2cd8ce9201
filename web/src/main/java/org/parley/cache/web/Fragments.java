package org.parley.cache.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;
import org.parley.site.web.CurrentSite;

/**
 * Keys of cached fragments for {@code <o:cache key="#{fragments.post(q.number())}" scope="application">}: each names
 * the current site and the stamps of what the fragment shows, so a change makes the old key unreachable.
 */
@Named
@ApplicationScoped
public class Fragments {

  @Inject private SharedCache cache;
  @Inject private CurrentSite site;

  /** A post's body block (rendered Markdown, tags, author card); dropped when the post changes. */
  public String post(long number) {
    long siteId = site.id();
    return cache.versionedKey(CacheKey.of(Region.FRAGMENT, siteId, "post/" + number, Scope.post(siteId, number)));
  }

  /** A sidebar listing the site's questions ({@code name} tells sidebars apart); dropped when any post changes. */
  public String sidebar(String name) {
    long siteId = site.id();
    return cache.versionedKey(CacheKey.of(Region.FRAGMENT, siteId, "sidebar/" + name, Scope.lists(siteId)));
  }
}
