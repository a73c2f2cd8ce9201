package org.parley.diff;

import java.io.Serializable;
import java.util.Objects;

/**
 * One run of a diff: text both versions share, or text only the newer (added) or only the older (removed) has.
 *
 * @param op what happened to the text
 * @param text the text of the run, never empty
 */
public record DiffSegment(Op op, String text) implements Serializable {

    /** What happened to a run of text between the older and the newer version. */
    public enum Op {
        SAME,
        ADDED,
        REMOVED
    }

    public DiffSegment {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(text, "text");
    }

    public boolean isSame() {
        return op == Op.SAME;
    }

    public boolean isAdded() {
        return op == Op.ADDED;
    }

    public boolean isRemoved() {
        return op == Op.REMOVED;
    }
}
