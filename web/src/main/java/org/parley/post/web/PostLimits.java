package org.parley.post.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.parley.post.Comment;
import org.parley.post.Post;
import org.parley.post.Question;
import org.parley.post.QuestionService;
import org.parley.tag.Tag;

/**
 * The server's limits and the tag rule, for the forms to show and to check as people type: one rule, exported from
 * the classes that enforce it, so the page can never allow what the server refuses (or the other way round).
 */
@Named
@ApplicationScoped
public class PostLimits {

    public int getMinTitle() {
        return Question.MIN_TITLE;
    }

    public int getMaxTitle() {
        return Question.MAX_TITLE;
    }

    public int getMinBody() {
        return Post.MIN_BODY;
    }

    public int getMaxBody() {
        return Post.MAX_BODY;
    }

    public int getMinComment() {
        return Comment.MIN_TEXT;
    }

    public int getMaxComment() {
        return Comment.MAX_TEXT;
    }

    public int getMaxSummary() {
        return QuestionService.MAX_SUMMARY;
    }

    public int getMaxTags() {
        return Question.MAX_TAGS;
    }

    public int getMaxTagLength() {
        return Tag.MAX_NAME;
    }

    /** The characters a tag may use, a regular-expression class read alike by Java and JavaScript. */
    public String getTagCharacters() {
        return Tag.NAME_CHARACTERS;
    }

    /** The same, in words: {@code a–z, 0–9, + # . -}. */
    public String getTagCharactersText() {
        return Tag.NAME_CHARACTERS_TEXT;
    }
}
