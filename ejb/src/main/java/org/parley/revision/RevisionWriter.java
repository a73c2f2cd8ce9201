package org.parley.revision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.parley.post.PostLocked;
import org.parley.post.PostModerated;
import org.parley.post.PostRepository;
import org.parley.post.PostWritten;

/**
 * Writes the history of the questions and answers written here, in the transaction that wrote them, as the Stack
 * Exchange data dump records history: one row per part that changed (title, body, tags), all of one edit under one
 * RevisionGUID, initial rows (types 1-3) when a post is created, edits (4-6) and rollbacks (7-9) after; a lock or
 * unlock by a moderator as its event (14, 15). The rows are numbered after the site's highest history id, imported or
 * written, under the site's lock.
 */
@ApplicationScoped
public class RevisionWriter {

    /** What a rollback row's comment says, as in the dumps; the revisions page reads the GUID back. */
    static final String ROLLBACK_COMMENT = "Rollback to [%s]";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private PostRepository posts;

    void written(@Observes PostWritten change) {
        String comment = change.rollbackOf() != null
                ? String.format(ROLLBACK_COMMENT, change.rollbackOf())
                : blankToNull(change.comment());
        List<Part> parts = new ArrayList<>(parts(change));
        if (change.proposal() != null && !parts.isEmpty()) {
            parts.add(new Part(HistoryTypes.SUGGESTED_EDIT_APPLIED, null, change.proposal()));
        }
        write(change.siteId(), change.postNumber(), change.editorNumber(), change.at(), comment, parts);
    }

    void locked(@Observes PostLocked change) {
        write(
                change.siteId(),
                change.postNumber(),
                change.moderatorNumber(),
                change.at(),
                null,
                List.of(new Part(change.locked() ? HistoryTypes.LOCKED : HistoryTypes.UNLOCKED, null)));
    }

    void moderated(@Observes PostModerated event) {
        write(
                event.siteId(),
                event.postNumber(),
                event.userNumber(),
                event.at(),
                event.comment(),
                List.of(new Part(event.historyType(), event.text())));
    }

    /**
     * A revision of a post that is neither a question nor an answer (a tag wiki or its excerpt, post types 5 and 4):
     * its body as an initial (2) or edited (5) body row, numbered and exported like any other history row, so that the
     * revisions page shows it with its diffs. Call in the transaction that changes the text.
     */
    public void bodyWritten(
            long siteId, long postNumber, boolean created, long userNumber, Instant at, String comment, String text) {
        write(
                siteId,
                postNumber,
                userNumber,
                at,
                blankToNull(comment),
                List.of(new Part(created ? HistoryTypes.INITIAL_BODY : HistoryTypes.EDIT_BODY, text)));
    }

    /** The rows of one revision or event, under one new GUID, numbered after the site's highest history id. */
    private void write(long siteId, long postNumber, long userNumber, Instant at, String comment, List<Part> parts) {
        if (parts.isEmpty()) {
            return;
        }
        posts.lockSite(siteId);
        Long max = em.createNamedQuery("PostRevision.maxDumpId", Long.class)
                .setParameter("site", siteId)
                .getSingleResult();
        long next = max == null ? 1 : max + 1;
        String guid = UUID.randomUUID().toString();
        for (Part part : parts) {
            em.persist(new PostRevision(
                    siteId,
                    next++,
                    postNumber,
                    part.type(),
                    guid,
                    at,
                    userNumber,
                    part.comment() != null ? part.comment() : comment,
                    part.text()));
        }
    }

    /** A row to write: its PostHistoryTypeId and text, and a comment of its own (else the revision's). */
    record Part(int type, String text, String comment) {

        Part(int type, String text) {
            this(type, text, null);
        }
    }

    /** The rows a change writes: every part of a new post, the parts an edit or rollback changed. Pure. */
    static List<Part> parts(PostWritten change) {
        PostWritten.Content before = change.before();
        PostWritten.Content after = change.after();
        boolean rollback = change.rollbackOf() != null;
        int offset = change.created()
                ? 0
                : rollback ? HistoryTypes.ROLLBACK_TITLE - HistoryTypes.INITIAL_TITLE : HistoryTypes.EDIT_TITLE - 1;
        List<Part> parts = new ArrayList<>(3);
        boolean question = after.tags() != null;
        if (question && (before == null || !Objects.equals(before.title(), after.title()))) {
            parts.add(new Part(HistoryTypes.INITIAL_TITLE + offset, after.title()));
        }
        if (before == null || !before.bodyMarkdown().equals(after.bodyMarkdown())) {
            parts.add(new Part(HistoryTypes.INITIAL_BODY + offset, after.bodyMarkdown()));
        }
        if (question && (before == null || !Objects.equals(before.tags(), after.tags()))) {
            parts.add(new Part(HistoryTypes.INITIAL_TAGS + offset, tagsText(after.tags())));
        }
        return parts;
    }

    /** Tags as the dumps wrote them for years: {@code <a><b>}. */
    static String tagsText(List<String> tags) {
        StringBuilder out = new StringBuilder();
        tags.forEach(t -> out.append('<').append(t).append('>'));
        return out.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
