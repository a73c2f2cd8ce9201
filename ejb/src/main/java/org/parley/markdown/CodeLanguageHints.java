package org.parley.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;

/**
 * Stack Exchange's code language hints: an HTML comment {@code <!-- language: lang-js -->} names the language of the
 * next code block, {@code <!-- language-all: lang-js -->} of every later one; {@code lang-none} turns highlighting
 * off. The hinted blocks become fenced blocks with that info string, so they render as {@code <code
 * class="language-js">} (a fence's own info string wins). The comment itself is dropped by the sanitiser later.
 */
final class CodeLanguageHints {

    private static final Pattern HINT =
            Pattern.compile("(?s)\\s*<!--\\s*language(-all)?\\s*:\\s*(?:lang-)?([A-Za-z0-9_+#.-]{1,30})\\s*-->\\s*");

    private CodeLanguageHints() {}

    static Node apply(Node document) {
        String next = null;
        String all = null;
        Node child = document.getFirstChild();
        while (child != null) {
            Node following = child.getNext();
            if (child instanceof HtmlBlock html) {
                Matcher m = HINT.matcher(html.getLiteral() == null ? "" : html.getLiteral());
                if (m.matches()) {
                    if (m.group(1) != null) {
                        all = m.group(2);
                    } else {
                        next = m.group(2);
                    }
                }
            } else if (child instanceof IndentedCodeBlock code) {
                String language = next != null ? next : all;
                if (language != null) {
                    FencedCodeBlock fenced = new FencedCodeBlock();
                    fenced.setFenceCharacter("`");
                    fenced.setOpeningFenceLength(3);
                    fenced.setClosingFenceLength(3);
                    fenced.setInfo(language);
                    fenced.setLiteral(code.getLiteral());
                    code.insertBefore(fenced);
                    code.unlink();
                }
                next = null;
            } else if (child instanceof FencedCodeBlock code) {
                String info = code.getInfo();
                String language = next != null ? next : all;
                if ((info == null || info.isBlank()) && language != null) {
                    code.setInfo(language);
                }
                next = null;
            }
            child = following;
        }
        return document;
    }
}
