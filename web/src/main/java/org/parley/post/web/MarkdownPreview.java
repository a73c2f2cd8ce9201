package org.parley.post.web;

import java.io.Serializable;
import java.util.Objects;
import org.parley.markdown.MarkdownRenderer;

/**
 * The live preview under a Markdown editor: the same renderer and sanitiser the server uses when the post is saved,
 * so what the preview shows is what the page will show. Renders again only when the text changed.
 */
final class MarkdownPreview implements Serializable {

    private static final long serialVersionUID = 1L;

    private String markdown;
    private String html = "";

    String html(MarkdownRenderer renderer, String current) {
        if (!Objects.equals(markdown, current)) {
            markdown = current;
            html = current == null || current.isBlank() ? "" : renderer.toSafeHtml(current);
        }
        return html;
    }
}
