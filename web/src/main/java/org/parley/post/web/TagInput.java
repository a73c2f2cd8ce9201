package org.parley.post.web;

import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.List;
import org.parley.tag.TagNames;

/**
 * Reads the tag field of the ask and edit forms: the tokens the autocomplete holds plus whatever is still typed in its
 * text box (someone who types "java" and presses the button without Enter means that tag too). Not checked here: the
 * service parses them with {@link TagNames#parseAll}, so that a bad tag is reported next to the tag box together with
 * the form's other problems.
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
        return all;
    }
}
