package org.parley.post.web;

import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.List;
import org.parley.tag.TagNames;

/**
 * Reads the tag field of the ask and edit forms: the tokens the autocomplete holds plus whatever is still typed in its
 * text box (someone who types "java jpa" and presses the button without Enter means those tags too), through
 * {@link TagNames#parse}, which lower-cases, splits and de-duplicates.
 */
final class TagInput {

    private TagInput() {}

    static List<String> read(String clientId, List<String> tokens) {
        List<String> all = new ArrayList<>();
        if (tokens != null) {
            all.addAll(tokens);
        }
        String typed = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(clientId + "_input");
        if (typed != null && !typed.isBlank()) {
            all.add(typed);
        }
        return TagNames.parse(String.join(" ", all));
    }
}
