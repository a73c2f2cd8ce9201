package org.parley.revision;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.diff.DiffSegment;
import org.parley.user.UserRef;

/**
 * One entry of a revisions page: a revision (title, body and tags changed together, numbered from 1) or an event
 * (closed, reopened, locked, ...; number 0).
 *
 * @param heading "Revision 3", or the event's title ("Closed")
 * @param text for an event, the sentence that explains it (close reason, migration source), or null
 * @param by who made the revision or event (a deleted user: not linkable, with the name the dump kept)
 * @param comment the editor's summary; for a rollback, which revision it went back to
 * @param title the title after this revision, or null when it did not change it (always set for revision 1)
 * @param titleDiff the title's word diff against the revision before; empty for revision 1 or when unchanged
 * @param bodyHtml this revision's body, rendered and sanitised; null when it did not change the body
 * @param bodyMarkdown this revision's body source; null when unchanged
 * @param bodyDiff the body source's word diff against the revision before; empty for revision 1 or when unchanged
 * @param tags the tags after this revision, or empty when it did not change them
 * @param tagsDiff the tags' diff, one segment per tag; empty for revision 1 or when unchanged
 * @param voters the people who voted for the event (close voters, by name)
 * @param duplicateOf for a close as duplicate, the questions it duplicates
 * @param suggestedBy for an edit suggested by someone else and approved, who suggested it; else null
 */
public record RevisionEntry(
        int number,
        String heading,
        String text,
        Instant at,
        UserRef by,
        String comment,
        String title,
        List<DiffSegment> titleDiff,
        String bodyHtml,
        String bodyMarkdown,
        List<DiffSegment> bodyDiff,
        List<String> tags,
        List<DiffSegment> tagsDiff,
        List<UserRef> voters,
        List<QuestionLink> duplicateOf,
        UserRef suggestedBy,
        String license)
        implements Serializable {

    /** A question an event points to, with what a link needs. */
    public record QuestionLink(long number, String title, String slug) implements Serializable {}

    public boolean isRevision() {
        return number > 0;
    }

    public boolean isFirst() {
        return number == 1;
    }
}
