package org.parley.listing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.rules.InvalidInputException;
import org.parley.tag.Tag;

/**
 * Which tags a list asks for, as Stack Overflow's tag URLs write it: {@code java+jpa} (both), {@code java or kotlin}
 * (either), {@code -python} (not), and combinations such as {@code java+jpa or hibernate -spring}. Terms are
 * separated by white space, commas or a {@code +} that starts another tag ({@code c++} stays one tag); {@code or}
 * joins the terms on each side of it, and binds tighter than the implied "and" between the other terms. A leading
 * {@code -} negates a term. The expression is an "and" of groups, each an "or" of terms; {@link #ALL} has no groups.
 */
public final class TagExpression implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most terms one expression may name. */
    public static final int MAX_TERMS = 10;

    /** The longest expression text read, in characters. */
    public static final int MAX_LENGTH = 400;

    /** Every question. */
    public static final TagExpression ALL = new TagExpression(List.of());

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+|\\+(?=[^\\s,+])");
    private static final String OR = "or";

    /** One tag, or its negation. */
    public record Term(String tag, boolean negated) implements Serializable {

        public Term {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public String toString() {
            return negated ? "-" + tag : tag;
        }
    }

    private final List<List<Term>> groups;

    private TagExpression(List<List<Term>> groups) {
        this.groups = groups.stream().map(List::copyOf).toList();
    }

    /** Questions carrying every one of {@code tags} (already valid names). */
    public static TagExpression allOf(List<String> tags) {
        Set<String> unique = new LinkedHashSet<>(tags);
        return new TagExpression(unique.stream()
                .map(t -> List.of(new Term(Tag.checkName(t), false)))
                .toList());
    }

    /**
     * Reads an expression as typed or taken from a URL. Case is ignored; a term repeated in one group counts once.
     *
     * @throws InvalidInputException with a message a person can act on: for a blank expression, one longer than
     *     {@value #MAX_LENGTH} characters, more than {@value #MAX_TERMS} terms, a tag name with characters outside
     *     {@code [a-z0-9+#.-]} or longer than 35, a lone {@code -}, or an {@code or} without a tag on each side
     */
    public static TagExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("Name at least one tag, e.g. java+jpa, java or kotlin, java -python.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException("That tag expression is too long: at most " + MAX_TERMS + " tags.");
        }
        List<List<Term>> groups = new ArrayList<>();
        List<Term> group = null;
        boolean orPending = false;
        int terms = 0;
        for (String token : SEPARATORS.split(text.strip().toLowerCase(Locale.ROOT))) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals(OR)) {
                if (group == null || orPending) {
                    throw new InvalidInputException("\"or\" needs a tag on each side, as in java or kotlin.");
                }
                orPending = true;
                continue;
            }
            Term term = term(token);
            if (++terms > MAX_TERMS) {
                throw new InvalidInputException("Use at most " + MAX_TERMS + " tags in one list.");
            }
            if (orPending) {
                if (!group.contains(term)) {
                    group.add(term);
                }
                orPending = false;
            } else {
                group = new ArrayList<>();
                group.add(term);
                groups.add(group);
            }
        }
        if (orPending) {
            throw new InvalidInputException("\"or\" needs a tag on each side, as in java or kotlin.");
        }
        if (groups.isEmpty()) {
            throw new InvalidInputException("Name at least one tag, e.g. java+jpa, java or kotlin, java -python.");
        }
        // The same group twice says nothing more.
        return new TagExpression(new ArrayList<>(new LinkedHashSet<>(groups)));
    }

    private static Term term(String token) {
        boolean negated = token.startsWith("-");
        String name = negated ? token.substring(1) : token;
        if (name.isEmpty()) {
            throw new InvalidInputException("A \"-\" must come right before a tag, as in -python.");
        }
        if (!Tag.isValidName(name)) {
            throw new InvalidInputException("\"" + name + "\" is not a tag name: tags use 1 to " + Tag.MAX_NAME + " of "
                    + Tag.NAME_CHARACTERS_TEXT + ".");
        }
        return new Term(name, negated);
    }

    /**
     * This expression with each tag replaced as {@code names} says (a tag synonym by its target), a term repeated in a
     * group counted once, a group repeated counted once; this very expression when nothing changes.
     */
    public TagExpression mapTags(java.util.function.UnaryOperator<String> names) {
        List<List<Term>> mapped = new ArrayList<>();
        boolean changed = false;
        for (List<Term> group : groups) {
            List<Term> g = new ArrayList<>();
            for (Term t : group) {
                String name = names.apply(t.tag());
                changed |= !name.equals(t.tag());
                Term term = new Term(name, t.negated());
                if (!g.contains(term)) {
                    g.add(term);
                }
            }
            mapped.add(g);
        }
        return changed ? new TagExpression(new ArrayList<>(new LinkedHashSet<>(mapped))) : this;
    }

    /** The groups: the expression is the "and" of them, each the "or" of its terms. */
    public List<List<Term>> groups() {
        return groups;
    }

    /** Whether this is {@link #ALL}. */
    public boolean isAll() {
        return groups.isEmpty();
    }

    /** Every tag named, negated or not, in order of appearance. */
    public List<String> tags() {
        return groups.stream().flatMap(List::stream).map(Term::tag).distinct().toList();
    }

    /** The tags named without a {@code -}, in order of appearance. */
    public List<String> positiveTags() {
        return groups.stream()
                .flatMap(List::stream)
                .filter(t -> !t.negated())
                .map(Term::tag)
                .distinct()
                .toList();
    }

    /** The canonical text, e.g. {@code java jpa}, {@code java or kotlin -python}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return groups.stream()
                .map(g -> g.stream().map(Term::toString).collect(Collectors.joining(" or ")))
                .collect(Collectors.joining(" "));
    }

    /** The canonical text as a URL path segment: {@code java+or+kotlin+-python}. */
    public String toPath() {
        return toString().replace(' ', '+');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagExpression other && groups.equals(other.groups);
    }

    @Override
    public int hashCode() {
        return groups.hashCode();
    }
}
