package org.parley.tagwiki.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.parley.site.web.CurrentSite;
import org.parley.tagwiki.TagWikiService;
import org.parley.tagwiki.TagWikiService.WikiPost;

/**
 * For the revisions page of a post that is no question or answer: which tag's excerpt or wiki it is, so the page names
 * the tag and links back to its info page instead of calling it "an answer to post N". Read once per request.
 */
@Named
@RequestScoped
public class WikiPosts {

    @Inject
    private TagWikiService wikis;

    @Inject
    private CurrentSite site;

    private final Map<Long, Optional<WikiPost>> read = new HashMap<>();

    /** The tag wiki or excerpt post {@code postNumber} is, or null. */
    public WikiPost of(long postNumber) {
        return read.computeIfAbsent(postNumber, n -> wikis.ofPost(site.id(), n)).orElse(null);
    }
}
