package org.parley.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Objects;
import java.util.regex.Pattern;
import org.parley.rules.InvalidInputException;
import org.parley.site.Site;

/** A tag of one site, with the number of questions that carry it (kept by {@link org.parley.post.Question}). */
@Entity
@Table(
        name = "tag",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_tag_site_name",
                        columnNames = {"site_id", "name"}),
        indexes = @Index(name = "idx_tag_site_count", columnList = "site_id, question_count"))
@NamedQuery(name = "Tag.findByNames", query = "select t from Tag t where t.site.id = :site and t.name in :names")
@NamedQuery(
        name = "Tag.listBySite",
        query = "select t from Tag t where t.site.id = :site order by t.questionCount desc, t.name")
@NamedQuery(name = "Tag.countBySite", query = "select count(t) from Tag t where t.site.id = :site")
@NamedQuery(
        name = "Tag.listBySiteAndPrefix",
        query = "select t from Tag t where t.site.id = :site and t.name like :prefix escape '!'"
                + " order by t.questionCount desc, t.name")
@NamedQuery(
        name = "Tag.countBySiteAndPrefix",
        query = "select count(t) from Tag t where t.site.id = :site and t.name like :prefix escape '!'")
public class Tag {

    public static final int MAX_NAME = 35;

    /**
     * The characters a tag name may use, as a regular-expression character class that Java and JavaScript read alike:
     * the tag box on the ask and edit pages checks what is typed with this very class.
     */
    public static final String NAME_CHARACTERS = "[a-z0-9+#.-]";

    /** {@link #NAME_CHARACTERS} in words, for messages. */
    public static final String NAME_CHARACTERS_TEXT = "a–z, 0–9, + # . -";

    private static final Pattern NAME = Pattern.compile(NAME_CHARACTERS + "{1," + MAX_NAME + "}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_id")
    @SequenceGenerator(name = "tag_id", sequenceName = "tag_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    private Site site;

    @Column(name = "name", nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "question_count", nullable = false)
    private long questionCount;

    protected Tag() {}

    /**
     * A new tag no question carries yet.
     *
     * @throws InvalidInputException when the name is not a valid tag name (see {@link #checkName})
     */
    public Tag(Site site, String name) {
        this.site = Objects.requireNonNull(site, "site");
        this.name = checkName(name);
    }

    /** Whether {@code name} is a valid, already lower-case tag name. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * @return {@code name} unchanged
     * @throws InvalidInputException naming the tag unless it is 1..{@value #MAX_NAME} of {@code [a-z0-9+#.-]}
     */
    public static String checkName(String name) {
        if (!isValidName(name)) {
            throw new InvalidInputException(invalidNameMessage(name));
        }
        return name;
    }

    /** What is wrong with a tag name {@link #isValidName} refuses, and what is allowed. */
    public static String invalidNameMessage(String name) {
        if (name == null || name.isEmpty()) {
            return "A tag needs at least one character.";
        }
        if (name.length() > MAX_NAME) {
            return "The tag \"" + name + "\" is too long: at most " + MAX_NAME + " characters.";
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            return "The tag \"" + name + "\" has a space: tags use " + NAME_CHARACTERS_TEXT
                    + ", so join words with -, as in " + name.strip().replaceAll("\\s+", "-") + ".";
        }
        return "The tag \"" + name + "\" is not valid: tags use only " + NAME_CHARACTERS_TEXT + ".";
    }

    /** One more question carries this tag. */
    public void questionAdded() {
        questionCount++;
    }

    /** One question fewer carries this tag. */
    public void questionRemoved() {
        questionCount = Math.max(0, questionCount - 1);
    }

    public TagCount toCount() {
        return new TagCount(name, questionCount);
    }

    public Long getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public String getName() {
        return name;
    }

    public long getQuestionCount() {
        return questionCount;
    }
}
