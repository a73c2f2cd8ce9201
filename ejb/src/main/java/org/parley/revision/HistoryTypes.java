package org.parley.revision;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.common.JsonProviders;

/**
 * What a PostHistoryTypeId means (as the Stack Exchange data dump documents it), which rows a reader of the
 * revisions page sees, and the words for the events that are not edits. Pure functions, unit-tested.
 */
public final class HistoryTypes {

    /** Title, body and tag rows: initial (1-3), edited (4-6), rolled back (7-9). */
    public static final int INITIAL_TITLE = 1;

    public static final int INITIAL_BODY = 2;
    public static final int INITIAL_TAGS = 3;
    public static final int EDIT_TITLE = 4;
    public static final int EDIT_BODY = 5;
    public static final int EDIT_TAGS = 6;
    public static final int ROLLBACK_TITLE = 7;
    public static final int ROLLBACK_BODY = 8;
    public static final int ROLLBACK_TAGS = 9;
    public static final int CLOSED = 10;
    public static final int REOPENED = 11;
    public static final int DELETED = 12;
    public static final int UNDELETED = 13;
    public static final int LOCKED = 14;
    public static final int UNLOCKED = 15;
    public static final int SUGGESTED_EDIT_APPLIED = 24;

    /** The rows an edit of a post writes: edited or rolled-back title, body and tags (not the initial ones). */
    public static final java.util.List<Integer> EDITS =
            java.util.List.of(EDIT_TITLE, EDIT_BODY, EDIT_TAGS, ROLLBACK_TITLE, ROLLBACK_BODY, ROLLBACK_TAGS);

    /**
     * Close reasons by CloseReasonId (the Comment of a type-10 row): the old set (1-20) and the one in use since 2013
     * (101-105), in today's words.
     */
    private static final Map<Integer, String> CLOSE_REASONS = Map.ofEntries(
            Map.entry(1, "an exact duplicate"),
            Map.entry(2, "off-topic"),
            Map.entry(3, "subjective and argumentative"),
            Map.entry(4, "not a real question"),
            Map.entry(7, "too localized"),
            Map.entry(10, "general reference"),
            Map.entry(20, "noise or pointless"),
            Map.entry(101, "a duplicate"),
            Map.entry(102, "off-topic"),
            Map.entry(103, "needing details or clarity"),
            Map.entry(104, "needing more focus"),
            Map.entry(105, "opinion-based"));

    private static final Pattern PROPOSED_BY = Pattern.compile("(?i)proposed by (-?[0-9]{1,12})");

    /** Someone named in a history row's JSON (a close voter, say): their number on the site, if known, and name. */
    public record Voter(Long number, String displayName) {}

    private HistoryTypes() {}

    /** Whether the row is part of a title, body or tags revision (types 1-9). */
    public static boolean isEdit(int type) {
        return type >= INITIAL_TITLE && type <= ROLLBACK_TAGS;
    }

    public static boolean isTitle(int type) {
        return type == INITIAL_TITLE || type == EDIT_TITLE || type == ROLLBACK_TITLE;
    }

    public static boolean isBody(int type) {
        return type == INITIAL_BODY || type == EDIT_BODY || type == ROLLBACK_BODY;
    }

    public static boolean isTags(int type) {
        return type == INITIAL_TAGS || type == EDIT_TAGS || type == ROLLBACK_TAGS;
    }

    public static boolean isRollback(int type) {
        return type >= ROLLBACK_TITLE && type <= ROLLBACK_TAGS;
    }

    /**
     * Whether a reader sees the row on Stack Exchange's revisions page: edits and the post's moderation events do;
     * bookkeeping does not (tweeted 25, bumped 50, hot network 52/53, Ask Wizard 66, chat moves 31, disassociation
     * 21, developer and unknown events). Suggested-edit rows (24) are folded into the edit they applied.
     */
    public static boolean shown(int type) {
        return isEdit(type) || (type >= CLOSED && type <= 20) || type == 22 || (type >= 33 && type <= 38);
    }

    /** The heading of a non-edit event, e.g. "Closed" or "Migrated here". */
    public static String eventTitle(int type) {
        return switch (type) {
            case 10 -> "Closed";
            case 11 -> "Reopened";
            case 12 -> "Deleted";
            case 13 -> "Undeleted";
            case 14 -> "Locked";
            case 15 -> "Unlocked";
            case 16 -> "Made community wiki";
            case 17 -> "Migrated";
            case 18 -> "Merged";
            case 19 -> "Protected";
            case 20 -> "Unprotected";
            case 22 -> "Unmerged";
            case 33 -> "Notice added";
            case 34 -> "Notice removed";
            case 35 -> "Migrated away";
            case 36 -> "Migrated here";
            case 37 -> "Merged into another question";
            case 38 -> "Merged from another question";
            default -> "History event " + type;
        };
    }

    /**
     * The sentence that explains an event, without the people (the page lists voters by name next to it): the close
     * reason of a close, where a migration came from, what a lock means. Null when the title says it all.
     *
     * @param comment the row's Comment (a close reason's number for a close, a URL for a migration)
     */
    public static String eventText(int type, String comment) {
        return switch (type) {
            case 10 -> {
                String reason = closeReason(comment);
                yield reason == null ? "Closed by vote." : "Closed as " + reason + ".";
            }
            case 11 -> "Reopened for new answers.";
            case 12 -> "Only people with enough reputation can see it now.";
            case 14 -> "Locked: no votes, comments, edits or answers while it lasts.";
            case 16 -> "Community wiki: anyone with a little reputation may edit it, and votes earn no reputation.";
            case 19 -> "Protected: answering it takes some reputation on this site.";
            case 17, 35 -> comment == null || comment.isBlank() ? null : "Migrated " + strip(comment) + ".";
            case 36 -> comment == null || comment.isBlank() ? null : "Migrated here " + strip(comment) + ".";
            default -> null;
        };
    }

    /** The words for a close reason number, or null when the comment is not a known reason. */
    public static String closeReason(String comment) {
        if (comment == null) {
            return null;
        }
        try {
            return CLOSE_REASONS.get(Integer.parseInt(comment.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The people a row's JSON names ({@code {"Voters":[{"Id":1,"DisplayName":"a"}]}}); empty when there is none. */
    public static List<Voter> voters(String json) {
        JsonObject o = json(json);
        List<Voter> out = new ArrayList<>();
        if (o == null || !(o.get("Voters") instanceof JsonArray voters)) {
            return out;
        }
        for (JsonValue v : voters) {
            if (v instanceof JsonObject voter) {
                Long number = voter.get("Id") instanceof JsonNumber n ? n.longValue() : null;
                String name = voter.get("DisplayName") instanceof JsonString s ? s.getString() : null;
                if (number != null || name != null) {
                    out.add(new Voter(number, name));
                }
            }
        }
        return out;
    }

    /** The questions a close as duplicate points to ({@code "OriginalQuestionIds":[144]}); empty when none. */
    public static List<Long> duplicateOf(String json) {
        JsonObject o = json(json);
        List<Long> out = new ArrayList<>();
        if (o != null && o.get("OriginalQuestionIds") instanceof JsonArray ids) {
            for (JsonValue v : ids) {
                if (v instanceof JsonNumber n) {
                    out.add(n.longValue());
                }
            }
        }
        return out;
    }

    /** Who proposed a suggested edit (a type-24 row's comment "Proposed by 5567 approved by -1 ..."); or null. */
    public static Long proposer(String comment) {
        Matcher m = PROPOSED_BY.matcher(comment == null ? "" : comment);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** A text that is JSON (a history row's voters), which the page must never show raw. */
    public static boolean isJson(String text) {
        return text != null && text.stripLeading().startsWith("{");
    }

    private static JsonObject json(String text) {
        if (!isJson(text)) {
            return null;
        }
        try (JsonReader r = JsonProviders.JSON.createReader(new StringReader(text))) {
            return r.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String strip(String comment) {
        return comment.trim().replaceAll("\\.$", "");
    }
}
