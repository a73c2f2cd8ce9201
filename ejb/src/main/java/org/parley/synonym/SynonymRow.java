package org.parley.synonym;

import java.io.Serializable;
import java.time.Instant;
import org.parley.tag.TagSynonym;
import org.parley.user.UserRef;

/** One synonym or proposal as the synonyms page lists it. */
public record SynonymRow(
        long id,
        String source,
        String target,
        TagSynonym.Status status,
        UserRef proposer,
        Instant proposedAt,
        boolean retagDone,
        long retagged)
        implements Serializable {

    public boolean proposed() {
        return status == TagSynonym.Status.PROPOSED;
    }

    public boolean approved() {
        return status == TagSynonym.Status.APPROVED;
    }
}
