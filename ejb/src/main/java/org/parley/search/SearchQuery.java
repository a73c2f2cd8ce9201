package org.parley.search;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A search as {@link SearchQueryParser} read it: the terms (all must hold, as on Stack Overflow) and notes on what was
 * read differently from how it was typed (an unknown operator searched as words, a stray quote mark).
 *
 * @param terms every term, in the order typed
 * @param notes sentences for the results page, in the order the parser met their cause
 */
public record SearchQuery(List<SearchQuery.Term> terms, List<String> notes) implements Serializable {

    public SearchQuery {
        terms = List.copyOf(terms);
        notes = List.copyOf(notes);
    }

    /** Whether nothing was typed that could be searched (the page then explains what to type). */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** One condition of a search. */
    public sealed interface Term extends Serializable {}

    /** Where a word or phrase is looked for. */
    public enum Scope {
        /** A question's title (boosted) or any post's body. */
        ANYWHERE,
        /** {@code intitle:} — a question's title (an answer has none, so it matches questions only). */
        TITLE,
        /** {@code body:} — the body alone. */
        BODY
    }

    /**
     * A word or an {@code "exact phrase"}.
     *
     * @param text the word or the phrase's words, as typed (the index's analyzer stems them)
     * @param phrase whether the words must stand together in this order
     * @param excluded {@code -word}: posts containing it are left out
     */
    public record Text(String text, boolean phrase, Scope scope, boolean excluded) implements Term {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(scope, "scope");
        }

        public static Text word(String word) {
            return new Text(word, false, Scope.ANYWHERE, false);
        }

        public static Text phrase(String phrase) {
            return new Text(phrase, true, Scope.ANYWHERE, false);
        }
    }

    /** {@code [tag]} or {@code -[tag]}; the name in lower case. */
    public record Tag(String name, boolean excluded) implements Term {
        public Tag {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code user:N} (a user's number on the site) or {@code user:me} (number null: the viewer). */
    public record User(Long number) implements Term {
        public boolean me() {
            return number == null;
        }
    }

    /** The number fields a range can apply to. */
    public enum NumberField {
        SCORE,
        ANSWERS,
        VIEWS
    }

    /**
     * {@code score:3}, {@code score:-1..5}, {@code views:..100}: bounds inclusive, null for an open end.
     *
     * @param min the least value, or null
     * @param max the greatest value, or null
     */
    public record Range(NumberField field, Long min, Long max) implements Term {
        public Range {
            Objects.requireNonNull(field, "field");
        }
    }

    /** {@code is:question} or {@code is:answer}. */
    public record Kind(boolean question) implements Term {}

    /** The yes/no operators. */
    public enum FlagField {
        /** {@code isaccepted:} — an answer that is (not) the accepted one; matches answers only. */
        IS_ACCEPTED,
        /** {@code hasaccepted:} — a question that has (no) accepted answer; matches questions only. */
        HAS_ACCEPTED,
        /** {@code closed:} — the question (an answer's question) is closed. */
        CLOSED,
        /** {@code wiki:} — community wiki. */
        WIKI
    }

    public record Flag(FlagField field, boolean value) implements Term {
        public Flag {
            Objects.requireNonNull(field, "field");
        }
    }

    /** The date fields. */
    public enum DateField {
        CREATED,
        LAST_ACTIVE
    }

    /**
     * {@code created:2019-03..2020}: from inclusive, until exclusive (the end of the last period named), UTC.
     *
     * @param from the first instant, or null
     * @param until the instant after the last, or null
     */
    public record Dates(DateField field, Instant from, Instant until) implements Term {
        public Dates {
            Objects.requireNonNull(field, "field");
        }
    }

    /** {@code inquestion:N}: the question numbered N and its answers. */
    public record InQuestion(long number) implements Term {}

    /** {@code url:"*.example.com*"}: a link in the body matching the pattern ({@code *} and {@code ?}), lower case. */
    public record Url(String pattern) implements Term {
        public Url {
            Objects.requireNonNull(pattern, "pattern");
        }
    }
}
