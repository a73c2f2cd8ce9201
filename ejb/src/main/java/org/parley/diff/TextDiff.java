package org.parley.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word and item diffs with java-diff-utils (Myers' algorithm). A text is cut into words, runs of white space and
 * single punctuation marks, so a changed word shows as that word removed and its replacement added, and a moved
 * comma does not mark a whole sentence. Adjacent runs of the same kind are merged; a change shows its removed run
 * before its added one.
 *
 * <p>Stateless and thread-safe; every method accepts null for an absent version (e.g. the first revision).
 */
public final class TextDiff {

    /** Texts longer than this (in tokens, per side) are shown as one removed and one added run: O(ND) stays cheap. */
    static final int MAX_TOKENS = 20_000;

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|.", Pattern.DOTALL);

    private TextDiff() {}

    /** The word diff from {@code before} to {@code after}; empty when both are empty. */
    public static List<DiffSegment> words(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            List<DiffSegment> out = new ArrayList<>();
            add(out, DiffSegment.Op.REMOVED, before == null ? "" : before);
            add(out, DiffSegment.Op.ADDED, after == null ? "" : after);
            return out;
        }
        return diff(a, b, "");
    }

    /**
     * The diff of two lists of items (e.g. tags), in the newer list's order; each segment holds one item.
     */
    public static List<DiffSegment> items(List<String> before, List<String> after) {
        List<String> a = before == null ? List.of() : before;
        List<String> b = after == null ? List.of() : after;
        // Items are never merged: each is rendered on its own (a tag chip).
        List<DiffSegment> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            int from = d.getSource().getPosition();
            for (; i < from; i++) {
                out.add(new DiffSegment(DiffSegment.Op.SAME, a.get(i)));
            }
            d.getSource().getLines().forEach(s -> out.add(new DiffSegment(DiffSegment.Op.REMOVED, s)));
            d.getTarget().getLines().forEach(s -> out.add(new DiffSegment(DiffSegment.Op.ADDED, s)));
            i = from + d.getSource().size();
        }
        for (; i < a.size(); i++) {
            out.add(new DiffSegment(DiffSegment.Op.SAME, a.get(i)));
        }
        return out;
    }

    /** Whether a diff changes anything. */
    public static boolean changed(List<DiffSegment> diff) {
        return diff.stream().anyMatch(s -> !s.isSame());
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<DiffSegment> diff(List<String> a, List<String> b, String separator) {
        List<DiffSegment> raw = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            int from = d.getSource().getPosition();
            add(raw, DiffSegment.Op.SAME, String.join(separator, a.subList(i, from)));
            add(
                    raw,
                    DiffSegment.Op.REMOVED,
                    String.join(separator, d.getSource().getLines()));
            add(raw, DiffSegment.Op.ADDED, String.join(separator, d.getTarget().getLines()));
            i = from + d.getSource().size();
        }
        add(raw, DiffSegment.Op.SAME, String.join(separator, a.subList(i, a.size())));
        return readable(raw);
    }

    /**
     * Joins changes separated only by white space into one change ("-old words- +new words+" rather than
     * "-old- +new- -words- +words+"), removed text first.
     */
    private static List<DiffSegment> readable(List<DiffSegment> raw) {
        List<DiffSegment> out = new ArrayList<>();
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (int k = 0; k < raw.size(); k++) {
            DiffSegment s = raw.get(k);
            boolean inChange = removed.length() + added.length() > 0;
            boolean gap = s.isSame()
                    && inChange
                    && s.text().isBlank()
                    && k + 1 < raw.size()
                    && !raw.get(k + 1).isSame();
            if (s.isRemoved() || gap) {
                removed.append(s.text());
            }
            if (s.isAdded() || gap) {
                added.append(s.text());
            }
            if (s.isSame() && !gap) {
                flush(out, removed, added);
                add(out, DiffSegment.Op.SAME, s.text());
            }
        }
        flush(out, removed, added);
        return out;
    }

    private static void flush(List<DiffSegment> out, StringBuilder removed, StringBuilder added) {
        add(out, DiffSegment.Op.REMOVED, removed.toString());
        add(out, DiffSegment.Op.ADDED, added.toString());
        removed.setLength(0);
        added.setLength(0);
    }

    /** Appends a run, merging it into the last one when of the same kind; drops empty runs. */
    private static void add(List<DiffSegment> out, DiffSegment.Op op, String text) {
        if (text.isEmpty()) {
            return;
        }
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).op() == op) {
            out.set(last, new DiffSegment(op, out.get(last).text() + text));
        } else {
            out.add(new DiffSegment(op, text));
        }
    }
}
