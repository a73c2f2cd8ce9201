package org.parley.listing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.TreeMap;
import org.parley.listing.TagService;
import org.parley.site.web.CurrentSite;

/**
 * The site's approved tag synonyms as a JSON object ({@code {"tires":"tyres"}}) for the tag boxes of the ask and edit
 * forms, which replace a synonym by its target as it is added (forms.js). Tag names hold no character JSON escapes.
 */
@Named("tagSynonyms")
@RequestScoped
public class TagSynonymsJson {

    @Inject
    private TagService tags;

    @Inject
    private CurrentSite site;

    private String json;

    public String getJson() {
        if (json == null) {
            json = toJson(tags.synonyms(site.id()));
        }
        return json;
    }

    static String toJson(Map<String, String> synonyms) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(synonyms).forEach((from, to) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(from).append("\":\"").append(to).append('"');
        });
        return out.append('}').toString();
    }
}
