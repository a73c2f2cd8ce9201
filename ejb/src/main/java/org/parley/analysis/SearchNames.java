package org.parley.analysis;

/** Names of indexes, fields and analyzers, shared by the mappings, the queries and the analysis configurer. */
public final class SearchNames {

    /** The index of delivered private messages. */
    public static final String MESSAGE_INDEX = "parley-messages";

    /** Human text in any Latin-script language: words split by Unicode rules, lower-cased, accents folded. */
    public static final String TEXT_ANALYZER = "parley_text";

    /** A message's body as plain text (the rendered Markdown without tags), analysed by {@link #TEXT_ANALYZER}. */
    public static final String MESSAGE_BODY = "body";

    /** Ids of the users who may find a message: its sender and recipient, unless they deleted it for themselves. */
    public static final String MESSAGE_VISIBLE_TO = "visibleTo";

    public static final String MESSAGE_CONVERSATION = "conversation";
    public static final String MESSAGE_SENDER = "sender";
    public static final String MESSAGE_RECIPIENT = "recipient";
    public static final String MESSAGE_CREATED_AT = "createdAt";

    // ---- Questions and answers ----

    /** The index of questions; documents are routed by site id, so a site's search and purge touch only its own. */
    public static final String QUESTION_INDEX = "parley-questions";

    /** The index of answers, with the same fields as {@link #QUESTION_INDEX} (one query searches both). */
    public static final String ANSWER_INDEX = "parley-answers";

    /** English text: {@link #TEXT_ANALYZER}'s chain with English possessives, stop words and the Porter stemmer. */
    public static final String ENGLISH_ANALYZER = "parley_english";

    /** French text: elisions (l', d'…), French stop words and the light French stemmer, accents folded. */
    public static final String FRENCH_ANALYZER = "parley_french";

    /** Tags and URLs as whole terms, lower-cased (keyword fields). */
    public static final String LOWERCASE_NORMALIZER = "parley_lowercase";

    /** The language-neutral text fields' suffix; a site in a language with an analyzer of its own uses its suffix. */
    public static final String ANY_LANGUAGE = "any";

    /** The languages with an analyzer of their own, by the BCP 47 primary language subtag; others use {@link #ANY_LANGUAGE}. */
    public static final java.util.Map<String, String> LANGUAGE_ANALYZERS =
            java.util.Map.of("en", ENGLISH_ANALYZER, "fr", FRENCH_ANALYZER, ANY_LANGUAGE, TEXT_ANALYZER);

    /** A question's title in the site's language; answers have none. Field name: {@code title_<language>}. */
    public static final String POST_TITLE = "title";

    /** The body as plain text (code blocks included), in the site's language, stored for highlighted excerpts. */
    public static final String POST_BODY = "body";

    /** The site's id (also the routing key). */
    public static final String POST_SITE = "site";

    /** The post's number on its site. */
    public static final String POST_NUMBER = "number";

    /** The number of the question a post shows on: its own for a question, its question's for an answer. */
    public static final String POST_QUESTION = "question";

    /** {@link #KIND_QUESTION} or {@link #KIND_ANSWER}. */
    public static final String POST_KIND = "kind";

    public static final String KIND_QUESTION = "q";
    public static final String KIND_ANSWER = "a";

    /** The question's tags (an answer carries its question's), normalized to lower case. */
    public static final String POST_TAGS = "tags";

    /** The author's user number on the site; absent for a post whose author is gone. */
    public static final String POST_OWNER = "owner";

    public static final String POST_SCORE = "score";

    /** A question's answer count; an answer's question's. */
    public static final String POST_ANSWERS = "answers";

    /** A question's view count; an answer's question's. */
    public static final String POST_VIEWS = "views";

    /** For an answer: it is the accepted one. For a question: it has an accepted answer. */
    public static final String POST_ACCEPTED = "accepted";

    /** The question (an answer: its question) is closed. */
    public static final String POST_CLOSED = "closed";

    /** The post is community wiki. */
    public static final String POST_WIKI = "wiki";

    public static final String POST_CREATED = "created";
    public static final String POST_LAST_ACTIVE = "lastActive";

    /** The hour of the day (UTC, 0–23) the post was written, for the busiest-hours aggregation. */
    public static final String POST_HOUR = "hour";

    /** Every link target in the body, lower-cased, for {@code url:} wildcards. */
    public static final String POST_URLS = "urls";

    /** The row version the document was built from; the catch-up compares it with the database's. */
    public static final String POST_ROW_VERSION = "rowVersion";

    // ---- Analytics (org.parley.search.SiteAnalytics, MessageAnalytics) ----

    /**
     * On a question that has an answer: its month asked and its seconds to the first answer in one number,
     * {@code monthIndex << }{@value #MONTH_SHIFT}{@code  | seconds} (month index = months since January 1970, UTC; keys stay
     * below 2^53, where OpenSearch's double-valued range bounds are exact), so that
     * one range aggregation counts every month's times at once and the median per month can be narrowed down.
     */
    public static final String POST_FIRST_ANSWER_KEY = "firstAnswerKey";

    /** The bits of {@link #POST_FIRST_ANSWER_KEY} below the month: seconds up to 2^40 (about 34,000 years). */
    public static final int MONTH_SHIFT = 40;

    /** A message's site id. */
    public static final String MESSAGE_SITE = "site";

    /** A message's sender and recipient ids (one multi-valued field: "who wrote with whom" is one aggregation). */
    public static final String MESSAGE_PARTICIPANTS = "participants";

    /** The day of the week a message was sent, ISO (1 = Monday … 7 = Sunday), UTC. */
    public static final String MESSAGE_WEEKDAY = "weekday";

    /** On a reply (a message answering the other participant's latest one): seconds since that message. */
    public static final String MESSAGE_REPLY_SECONDS = "replySeconds";

    /** The field name of a text field ({@link #POST_TITLE}, {@link #POST_BODY}) for a site's language tag. */
    public static String textField(String base, String languageTag) {
        return base + "_" + languageKey(languageTag);
    }

    /** The analyzer key of a BCP 47 language tag: its primary subtag when it has an analyzer, else {@link #ANY_LANGUAGE}. */
    public static String languageKey(String languageTag) {
        if (languageTag == null) {
            return ANY_LANGUAGE;
        }
        int dash = languageTag.indexOf('-');
        String primary = (dash < 0 ? languageTag : languageTag.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
        return LANGUAGE_ANALYZERS.containsKey(primary) ? primary : ANY_LANGUAGE;
    }

    private SearchNames() {}
}
