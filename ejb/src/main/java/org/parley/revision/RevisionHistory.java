package org.parley.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.diff.DiffSegment;
import org.parley.diff.TextDiff;
import org.parley.user.UserRef;

/**
 * Turns a post's PostHistory rows into what its revisions page shows: the title, body and tag rows of one edit (one
 * RevisionGUID) become one numbered revision with word diffs against the revision before; moderation events get
 * their own words and their voters by name; rows readers never see are left out. Newest first, as on Stack Exchange.
 * Pure: people, linked questions and Markdown come from the caller.
 */
final class RevisionHistory {

    /** Resolves the people rows name. */
    interface People {
        /**
         * The user with that number on the site, or (when unknown or deleted) an unlinkable reference named {@code
         * fallbackName}, "Community" for -1, else "a deleted user".
         */
        UserRef user(Long number, String fallbackName);
    }

    /** Resolves questions an event points to; null for one not on the site. */
    interface Questions {
        RevisionEntry.QuestionLink question(long number);
    }

    private static final Pattern ROLLBACK = Pattern.compile("(?i)rollback to \\[([0-9a-f-]{8,64})\\]");

    private RevisionHistory() {}

    /**
     * The page's entries, newest first.
     *
     * @param rows the post's history, oldest first
     * @param render Markdown of a body revision to safe HTML
     */
    static List<RevisionEntry> build(
            List<HistoryRow> rows, People people, Questions questions, UnaryOperator<String> render) {
        Grouped grouped = group(rows);
        Map<String, Long> proposers = grouped.proposers();
        List<List<HistoryRow>> items = grouped.items();
        List<RevisionEntry> out = new ArrayList<>();
        Map<String, Integer> revisionByGuid = new HashMap<>();
        String title = null;
        String body = null;
        List<String> tags = List.of();
        int revision = 0;
        for (List<HistoryRow> item : items) {
            HistoryRow first = item.get(0);
            if (!HistoryTypes.isEdit(first.type())) {
                out.add(event(first, people, questions));
                continue;
            }
            revision++;
            if (first.guid() != null) {
                revisionByGuid.put(first.guid(), revision);
            }
            String newTitle = null;
            String newBody = null;
            List<String> newTags = null;
            String comment = null;
            boolean rollback = false;
            for (HistoryRow r : item) {
                if (HistoryTypes.isTitle(r.type())) {
                    newTitle = Objects.toString(r.text(), "");
                } else if (HistoryTypes.isBody(r.type())) {
                    newBody = Objects.toString(r.text(), "");
                } else if (HistoryTypes.isTags(r.type())) {
                    newTags = tags(r.text());
                }
                rollback |= HistoryTypes.isRollback(r.type());
                if (comment == null && r.comment() != null && !r.comment().isBlank()) {
                    comment = r.comment().trim();
                }
            }
            boolean firstRevision = revision == 1;
            // A row that repeats what the revision before had changes nothing there; show no diff for it.
            if (Objects.equals(newTitle, title) && !firstRevision) {
                newTitle = null;
            }
            if (Objects.equals(newBody, body) && !firstRevision) {
                newBody = null;
            }
            if (Objects.equals(newTags, tags) && !firstRevision) {
                newTags = null;
            }
            if (rollback) {
                comment = rollbackComment(comment, revisionByGuid);
            }
            List<DiffSegment> titleDiff = List.of();
            List<DiffSegment> bodyDiff = List.of();
            List<DiffSegment> tagsDiff = List.of();
            if (newTitle != null && !firstRevision) {
                titleDiff = TextDiff.words(title, newTitle);
            }
            if (newBody != null && !firstRevision) {
                bodyDiff = TextDiff.words(body, newBody);
            }
            if (newTags != null && !firstRevision) {
                tagsDiff = TextDiff.items(tags, newTags);
            }
            title = newTitle != null ? newTitle : title;
            body = newBody != null ? newBody : body;
            tags = newTags != null ? newTags : tags;
            Long proposer = first.guid() == null ? null : proposers.get(first.guid());
            out.add(new RevisionEntry(
                    revision,
                    "Revision " + revision,
                    null,
                    first.at(),
                    people.user(first.userNumber(), first.userName()),
                    comment,
                    firstRevision ? title : newTitle,
                    titleDiff,
                    newBody == null ? null : render.apply(newBody),
                    newBody,
                    bodyDiff,
                    newTags == null ? List.of() : newTags,
                    tagsDiff,
                    List.of(),
                    List.of(),
                    proposer == null ? null : people.user(proposer, null),
                    first.license()));
        }
        Collections.reverse(out);
        return out;
    }

    /** The rows readers see, in order: each edit's rows together (one RevisionGUID), each event alone. */
    private record Grouped(List<List<HistoryRow>> items, Map<String, Long> proposers) {}

    private static Grouped group(List<HistoryRow> rows) {
        Map<String, Long> proposers = new HashMap<>();
        List<List<HistoryRow>> items = new ArrayList<>();
        Map<String, List<HistoryRow>> edits = new LinkedHashMap<>();
        for (HistoryRow r : rows) {
            if (r.type() == HistoryTypes.SUGGESTED_EDIT_APPLIED) {
                Long proposer = HistoryTypes.proposer(r.comment());
                if (r.guid() != null && proposer != null) {
                    proposers.put(r.guid(), proposer);
                }
            } else if (!HistoryTypes.shown(r.type())) {
                continue;
            } else if (HistoryTypes.isEdit(r.type())) {
                String key = r.guid() != null ? r.guid() : r.at() + "/" + r.userNumber();
                List<HistoryRow> group = edits.get(key);
                if (group == null) {
                    group = new ArrayList<>();
                    edits.put(key, group);
                    items.add(group);
                }
                group.add(r);
            } else {
                items.add(List.of(r));
            }
        }
        return new Grouped(items, proposers);
    }

    /**
     * What the post was after one revision: its whole title, body and tags (title and tags empty for an answer).
     *
     * @param guid the revision's RevisionGUID, or null for rows without one
     */
    record Snapshot(int number, String guid, String title, String body, List<String> tags) {}

    /** Each revision's whole content, oldest first, numbered as {@link #build} numbers them. */
    static List<Snapshot> snapshots(List<HistoryRow> rows) {
        List<Snapshot> out = new ArrayList<>();
        String title = null;
        String body = null;
        List<String> tags = List.of();
        for (List<HistoryRow> item : group(rows).items()) {
            if (!HistoryTypes.isEdit(item.get(0).type())) {
                continue;
            }
            for (HistoryRow r : item) {
                if (HistoryTypes.isTitle(r.type())) {
                    title = Objects.toString(r.text(), "");
                } else if (HistoryTypes.isBody(r.type())) {
                    body = Objects.toString(r.text(), "");
                } else if (HistoryTypes.isTags(r.type())) {
                    tags = tags(r.text());
                }
            }
            out.add(new Snapshot(out.size() + 1, item.get(0).guid(), title, body, tags));
        }
        return out;
    }

    private static RevisionEntry event(HistoryRow r, People people, Questions questions) {
        List<UserRef> voters = HistoryTypes.voters(r.text()).stream()
                .map(v -> people.user(v.number(), v.displayName()))
                .toList();
        List<RevisionEntry.QuestionLink> duplicates = HistoryTypes.duplicateOf(r.text()).stream()
                .map(questions::question)
                .filter(Objects::nonNull)
                .toList();
        String text = HistoryTypes.eventText(r.type(), r.comment());
        // A comment that is a reason number or a migration URL is already in the text; show any other (a lock's
        // or a notice's note) as the comment, and never JSON.
        String comment = r.comment();
        if (comment != null
                && (comment.isBlank()
                        || HistoryTypes.isJson(comment)
                        || comment.trim().matches("[0-9]{1,6}")
                        || r.type() == 17
                        || r.type() == 35
                        || r.type() == 36)) {
            comment = null;
        }
        return new RevisionEntry(
                0,
                HistoryTypes.eventTitle(r.type()),
                text,
                r.at(),
                people.user(r.userNumber(), r.userName()),
                comment == null ? null : comment.trim(),
                null,
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                voters,
                duplicates,
                null,
                null);
    }

    private static String rollbackComment(String comment, Map<String, Integer> revisionByGuid) {
        Matcher m = ROLLBACK.matcher(Objects.toString(comment, ""));
        if (m.find()) {
            Integer to = revisionByGuid.get(m.group(1));
            return to == null ? "Rolled back to an earlier revision" : "Rolled back to revision " + to;
        }
        return comment == null ? "Rolled back to an earlier revision" : comment;
    }

    /** Tags as the dump writes them: {@code <a><b>} or, in dumps from late 2025 on, {@code |a|b|}. */
    static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String t = text.trim();
        String[] parts = t.startsWith("<")
                ? t.substring(1, t.length() - (t.endsWith(">") ? 1 : 0)).split("><")
                : t.split("\\|");
        return Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
