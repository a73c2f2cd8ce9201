package org.parley.search;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.rules.InvalidInputException;
import org.parley.search.SearchQuery.DateField;
import org.parley.search.SearchQuery.Dates;
import org.parley.search.SearchQuery.Flag;
import org.parley.search.SearchQuery.FlagField;
import org.parley.search.SearchQuery.InQuestion;
import org.parley.search.SearchQuery.Kind;
import org.parley.search.SearchQuery.NumberField;
import org.parley.search.SearchQuery.Range;
import org.parley.search.SearchQuery.Scope;
import org.parley.search.SearchQuery.Tag;
import org.parley.search.SearchQuery.Term;
import org.parley.search.SearchQuery.Text;
import org.parley.search.SearchQuery.Url;
import org.parley.search.SearchQuery.User;

/**
 * Reads Stack Overflow's search syntax into a {@link SearchQuery}: a hand-written scanner over the text, one term at a
 * time — a word, {@code "a phrase"}, {@code [tag]}, or {@code operator:value} — each optionally preceded by {@code -}.
 * It never fails on what users type: an unknown operator, a value an operator cannot take, or an unbalanced quote or
 * bracket is searched as plain words and a note says so. Only size is refused.
 */
public final class SearchQueryParser {

    /** The longest query, in characters. */
    public static final int MAX_LENGTH = 2_000;

    /** The most terms (words, phrases, tags, operators) a query may have. */
    public static final int MAX_TERMS = 100;

    private final String text;
    private final Instant now;
    private final List<Term> terms = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int pos;
    private int count;

    private SearchQueryParser(String text, Instant now) {
        this.text = text;
        this.now = now;
    }

    /**
     * Parses a query as typed.
     *
     * @param query the text; null reads as empty
     * @throws InvalidInputException (field {@code q}) for more than {@value #MAX_LENGTH} characters or {@value
     *     #MAX_TERMS} terms
     */
    public static SearchQuery parse(String query) {
        return parse(query, Clock.systemUTC().instant());
    }

    /** {@link #parse(String)} with the time relative dates ({@code created:7d}) count back from. */
    public static SearchQuery parse(String query, Instant now) {
        String q = query == null ? "" : query;
        if (q.length() > MAX_LENGTH) {
            throw new InvalidInputException(
                    "q",
                    String.format(
                            Locale.ROOT,
                            "A search may be at most %,d characters long; this one has %,d. Use fewer words.",
                            MAX_LENGTH,
                            q.length()));
        }
        SearchQueryParser parser = new SearchQueryParser(q, now);
        parser.run();
        return new SearchQuery(parser.terms, parser.notes);
    }

    private void run() {
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                return;
            }
            if (++count > MAX_TERMS) {
                throw new InvalidInputException(
                        "q",
                        "A search may have at most " + MAX_TERMS
                                + " words, phrases, tags and operators; this one has more. Use fewer.");
            }
            boolean excluded = false;
            if (text.charAt(pos) == '-' && pos + 1 < text.length() && !isSpace(text.charAt(pos + 1))) {
                excluded = true;
                pos++;
            }
            char c = text.charAt(pos);
            if (c == '"') {
                phrase(excluded);
            } else if (c == '[') {
                tag(excluded);
            } else {
                wordOrOperator(excluded);
            }
        }
    }

    private void phrase(boolean excluded) {
        int close = text.indexOf('"', pos + 1);
        if (close < 0) {
            notes.add("The quote mark without a closing one was ignored: what follows it was searched as words.");
            pos++;
            return;
        }
        String inside = text.substring(pos + 1, close).strip();
        pos = close + 1;
        if (!inside.isEmpty()) {
            terms.add(new Text(inside, true, Scope.ANYWHERE, excluded));
        }
    }

    private void tag(boolean excluded) {
        int start = pos;
        int close = text.indexOf(']', pos);
        int space = nextSpace(pos);
        if (close < 0 || close > space) {
            String raw = text.substring(start, space);
            pos = space;
            notes.add("“" + raw + "” has no closing ] and was searched as words.");
            words(raw.substring(1), excluded);
            return;
        }
        String name = text.substring(pos + 1, close).strip().toLowerCase(Locale.ROOT);
        pos = close + 1;
        if (name.isEmpty()) {
            notes.add("“[]” names no tag and was ignored.");
            return;
        }
        terms.add(new Tag(name, excluded));
    }

    private void wordOrOperator(boolean excluded) {
        int start = pos;
        int nameEnd = pos;
        while (nameEnd < text.length() && Character.isLetter(text.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd > start && nameEnd < text.length() && text.charAt(nameEnd) == ':') {
            String name = text.substring(start, nameEnd).toLowerCase(Locale.ROOT);
            int valueStart = nameEnd + 1;
            String value;
            boolean quoted = false;
            if (valueStart < text.length() && text.charAt(valueStart) == '"') {
                int close = text.indexOf('"', valueStart + 1);
                if (close < 0) {
                    notes.add(
                            "The quote mark after “" + name
                                    + ":” has no closing one and was ignored: the value was searched as far as the next space.");
                    int end = nextSpace(valueStart);
                    value = text.substring(valueStart + 1, end);
                    pos = end;
                } else {
                    value = text.substring(valueStart + 1, close);
                    quoted = true;
                    pos = close + 1;
                }
            } else {
                int end = nextSpace(valueStart);
                value = text.substring(valueStart, end);
                pos = end;
            }
            String raw = text.substring(start, pos);
            operator(name, value.strip(), quoted, excluded, excluded ? "-" + raw : raw);
            return;
        }
        int end = start;
        while (end < text.length() && !isSpace(text.charAt(end)) && text.charAt(end) != '"') {
            end++;
        }
        pos = end;
        terms.add(new Text(text.substring(start, end), false, Scope.ANYWHERE, excluded));
    }

    private void operator(String name, String value, boolean quoted, boolean excluded, String raw) {
        if (!OPERATORS.contains(name)) {
            asWords(raw, "“" + name + ":” is not an operator", name + " " + value, excluded);
            return;
        }
        if (value.isEmpty()) {
            asWords(raw, "“" + name + ":” needs a value", name, excluded);
            return;
        }
        // Words and phrases can be left out with "-"; a condition cannot (Stack Overflow has no such thing either).
        boolean textual = name.equals("intitle") || name.equals("body");
        if (excluded && !textual) {
            asWords(raw, "only words, phrases and tags can be left out with “-”", name + " " + value, true);
            return;
        }
        String v = value.toLowerCase(Locale.ROOT);
        Term term = switch (name) {
            case "user" -> user(v);
            case "score" -> range(NumberField.SCORE, v, true);
            case "answers" -> answers(v);
            case "views" -> range(NumberField.VIEWS, v, false);
            case "is" ->
                switch (v) {
                    case "question", "q" -> new Kind(true);
                    case "answer", "a" -> new Kind(false);
                    default -> null;
                };
            case "isaccepted" -> flag(FlagField.IS_ACCEPTED, v);
            case "hasaccepted" -> flag(FlagField.HAS_ACCEPTED, v);
            case "closed" -> flag(FlagField.CLOSED, v);
            case "wiki" -> flag(FlagField.WIKI, v);
            case "created" -> dates(DateField.CREATED, v);
            case "lastactive" -> dates(DateField.LAST_ACTIVE, v);
            case "intitle" -> new Text(value, quoted && value.contains(" "), Scope.TITLE, excluded);
            case "body" -> new Text(value, quoted && value.contains(" "), Scope.BODY, excluded);
            case "inquestion" -> isNumber(v) ? new InQuestion(Long.parseLong(v)) : null;
            case "url" -> url(v);
            default -> throw new IllegalStateException(name);
        };
        if (term == null) {
            asWords(raw, "“" + name + ":” takes " + EXPECTS.get(name), name + " " + value, false);
        } else {
            terms.add(term);
        }
    }

    /** A term that could not be read as what it looked like: its words are searched instead, with a note. */
    private void asWords(String raw, String why, String words, boolean excluded) {
        notes.add("“" + raw + "” was searched as words: " + why + ".");
        words(words, excluded);
    }

    private void words(String words, boolean excluded) {
        for (String w : words.split("[\\s:\"\\[\\]]+")) {
            if (!w.isEmpty()) {
                terms.add(new Text(w, false, Scope.ANYWHERE, excluded));
            }
        }
    }

    private static User user(String v) {
        if (v.equals("me")) {
            return new User(null);
        }
        return isNumber(v) ? new User(Long.parseLong(v)) : null;
    }

    /** {@code answers:N} is "at least N", except that {@code answers:0} finds unanswered questions. */
    private static Range answers(String v) {
        Range r = range(NumberField.ANSWERS, v, false);
        if (r != null && r.min() != null && r.min() == 0 && r.max() == null && !v.contains("..")) {
            return new Range(NumberField.ANSWERS, 0L, 0L);
        }
        return r;
    }

    /** {@code N} (at least N), {@code N..M}, {@code N..} or {@code ..M}; a reversed range is turned round. */
    private static Range range(NumberField field, String v, boolean negativeAllowed) {
        int dots = v.indexOf("..");
        Long min;
        Long max;
        if (dots < 0) {
            min = number(v, negativeAllowed);
            if (min == null) {
                return null;
            }
            return new Range(field, min, null);
        }
        String a = v.substring(0, dots);
        String b = v.substring(dots + 2);
        if (a.isEmpty() && b.isEmpty()) {
            return null;
        }
        min = a.isEmpty() ? null : number(a, negativeAllowed);
        max = b.isEmpty() ? null : number(b, negativeAllowed);
        if ((!a.isEmpty() && min == null) || (!b.isEmpty() && max == null)) {
            return null;
        }
        if (min != null && max != null && min > max) {
            return new Range(field, max, min);
        }
        return new Range(field, min, max);
    }

    private static Long number(String s, boolean negativeAllowed) {
        String digits = negativeAllowed && s.startsWith("-") ? s.substring(1) : s;
        if (!isNumber(digits)) {
            return null;
        }
        return Long.parseLong(s);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 12) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Flag flag(FlagField field, String v) {
        return switch (v) {
            case "yes", "true", "1" -> new Flag(field, true);
            case "no", "false", "0" -> new Flag(field, false);
            default -> null;
        };
    }

    /** A period ({@code 2019}, {@code 2019-03}, {@code 2019-03-05}, {@code 7d}), or a range of two, either end open. */
    private Dates dates(DateField field, String v) {
        int dots = v.indexOf("..");
        if (dots < 0) {
            Instant[] p = period(v);
            return p == null ? null : new Dates(field, p[0], p[1]);
        }
        String a = v.substring(0, dots);
        String b = v.substring(dots + 2);
        if (a.isEmpty() && b.isEmpty()) {
            return null;
        }
        Instant[] from = a.isEmpty() ? null : period(a);
        Instant[] to = b.isEmpty() ? null : period(b);
        if ((!a.isEmpty() && from == null) || (!b.isEmpty() && to == null)) {
            return null;
        }
        Instant start = from == null ? null : from[0];
        Instant until = to == null ? null : to[1];
        if (start != null && until != null && !start.isBefore(until)) {
            // A reversed range: from the earlier period's start to the later one's end.
            start = to[0];
            until = from[1];
        }
        return new Dates(field, start, until);
    }

    /** {start, until} of a period, or null when {@code s} is not one. A relative period ends now. */
    private Instant[] period(String s) {
        try {
            if (s.matches("[0-9]{4}")) {
                LocalDate d = LocalDate.of(Integer.parseInt(s), 1, 1);
                return new Instant[] {start(d), start(d.plusYears(1))};
            }
            if (s.matches("[0-9]{4}-[0-9]{1,2}")) {
                String[] parts = s.split("-");
                YearMonth m = YearMonth.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                return new Instant[] {start(m.atDay(1)), start(m.plusMonths(1).atDay(1))};
            }
            if (s.matches("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")) {
                String[] parts = s.split("-");
                LocalDate d = LocalDate.of(
                        Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                return new Instant[] {start(d), start(d.plusDays(1))};
            }
            if (s.matches("[0-9]{1,4}[dwmy]")) {
                int n = Integer.parseInt(s.substring(0, s.length() - 1));
                var today = now.atZone(ZoneOffset.UTC);
                var from = switch (s.charAt(s.length() - 1)) {
                    case 'd' -> today.minusDays(n);
                    case 'w' -> today.minusWeeks(n);
                    case 'm' -> today.minusMonths(n);
                    default -> today.minusYears(n);
                };
                return new Instant[] {from.toInstant(), now};
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Url url(String v) {
        String p = v.strip();
        if (p.isEmpty() || p.chars().allMatch(ch -> ch == '*' || ch == '?')) {
            return null;
        }
        return new Url(p.indexOf('*') < 0 && p.indexOf('?') < 0 ? "*" + p + "*" : p);
    }

    private void skipSpace() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private int nextSpace(int from) {
        int i = from;
        while (i < text.length() && !isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static final java.util.Set<String> OPERATORS = java.util.Set.of(
            "user",
            "score",
            "answers",
            "views",
            "is",
            "isaccepted",
            "hasaccepted",
            "closed",
            "wiki",
            "created",
            "lastactive",
            "intitle",
            "body",
            "inquestion",
            "url");

    private static final java.util.Map<String, String> EXPECTS = java.util.Map.ofEntries(
            java.util.Map.entry("user", "a user's number or “me”"),
            java.util.Map.entry("score", "a number or a range such as 3..10"),
            java.util.Map.entry("answers", "a number or a range such as 1..3"),
            java.util.Map.entry("views", "a number or a range such as 100..1000"),
            java.util.Map.entry("is", "“question” or “answer”"),
            java.util.Map.entry("isaccepted", "yes or no"),
            java.util.Map.entry("hasaccepted", "yes or no"),
            java.util.Map.entry("closed", "yes or no"),
            java.util.Map.entry("wiki", "yes or no"),
            java.util.Map.entry("created", "a year, month or day such as 2019, 2019-03 or 2019-03-05, 7d, or a range"),
            java.util.Map.entry(
                    "lastactive", "a year, month or day such as 2019, 2019-03 or 2019-03-05, 7d, or a range"),
            java.util.Map.entry("inquestion", "a question's number"),
            java.util.Map.entry("url", "a pattern such as \"*.example.com*\""));
}
