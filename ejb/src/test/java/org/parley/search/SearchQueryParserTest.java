package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

class SearchQueryParserTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    static List<Term> terms(String q) {
        SearchQuery parsed = SearchQueryParser.parse(q, NOW);
        assertEquals(List.of(), parsed.notes(), "no notes expected for " + q);
        return parsed.terms();
    }

    static SearchQuery parse(String q) {
        return SearchQueryParser.parse(q, NOW);
    }

    static Instant at(String iso) {
        return Instant.parse(iso + "T00:00:00Z");
    }

    @Test
    void emptyAndBlankHaveNoTerms() {
        assertTrue(parse(null).isEmpty());
        assertTrue(parse("").isEmpty());
        assertTrue(parse("  \t ").isEmpty());
    }

    @Test
    void wordsAreTermsInOrder() {
        assertEquals(
                List.of(Text.word("hoppy"), Text.word("ale"), Text.word("c++"), Text.word("naïve")),
                terms("  hoppy ale\tc++ naïve "));
    }

    @Test
    void phrasesKeepTheirWords() {
        assertEquals(List.of(Text.phrase("india pale ale"), Text.word("bitter")), terms("\"india pale ale\" bitter"));
        assertEquals(List.of(Text.word("a"), Text.phrase("b c"), Text.word("d")), terms("a\"b c\"d"));
        assertEquals(List.of(), terms("\"  \""), "an empty phrase is nothing");
    }

    @Test
    void minusExcludesWordsPhrasesAndTags() {
        assertEquals(
                List.of(
                        Text.word("beer"),
                        new Text("lager", false, Scope.ANYWHERE, true),
                        new Text("pale ale", true, Scope.ANYWHERE, true),
                        new Tag("wine", true)),
                terms("beer -lager -\"pale ale\" -[wine]"));
        assertEquals(List.of(Text.word("-")), terms("-"), "a lone minus is a word (the analyzer drops it)");
        assertEquals(List.of(Text.word("x"), Text.word("-")), terms("x - "));
    }

    @Test
    void tagsAreLowerCased() {
        assertEquals(List.of(new Tag("wine", false), new Tag("c++", false)), terms("[Wine] [c++]"));
        assertEquals(List.of(new Tag("wine", false), Text.word("storage")), terms("[wine]storage"));
    }

    @Test
    void anUnclosedOrEmptyTagIsWordsWithANote() {
        SearchQuery q = parse("[wine cellar");
        assertEquals(List.of(Text.word("wine"), Text.word("cellar")), q.terms());
        assertEquals(1, q.notes().size());
        assertTrue(q.notes().get(0).contains("[wine"), q.notes().toString());
        SearchQuery empty = parse("[] beer");
        assertEquals(List.of(Text.word("beer")), empty.terms());
        assertEquals(1, empty.notes().size());
    }

    @Test
    void userByNumberOrMe() {
        assertEquals(List.of(new User(42L)), terms("user:42"));
        assertEquals(List.of(new User(null)), terms("user:me"));
        assertTrue(((User) terms("USER:ME").get(0)).me(), "operators and values ignore case");
        SearchQuery bad = parse("user:bob");
        assertEquals(List.of(Text.word("user"), Text.word("bob")), bad.terms());
        assertTrue(
                bad.notes().get(0).contains("was searched as words"),
                bad.notes().toString());
    }

    @Test
    void scoreTakesANumberOrARange() {
        assertEquals(List.of(new Range(NumberField.SCORE, 3L, null)), terms("score:3"));
        assertEquals(List.of(new Range(NumberField.SCORE, -1L, null)), terms("score:-1"));
        assertEquals(List.of(new Range(NumberField.SCORE, 2L, 10L)), terms("score:2..10"));
        assertEquals(List.of(new Range(NumberField.SCORE, 5L, null)), terms("score:5.."));
        assertEquals(List.of(new Range(NumberField.SCORE, null, 0L)), terms("score:..0"));
        assertEquals(List.of(new Range(NumberField.SCORE, -5L, -1L)), terms("score:-5..-1"));
        assertEquals(List.of(new Range(NumberField.SCORE, 3L, 10L)), terms("score:10..3"), "turned round");
        assertEquals(1, parse("score:..").notes().size());
        assertEquals(1, parse("score:lots").notes().size());
    }

    @Test
    void answersAndViews() {
        assertEquals(List.of(new Range(NumberField.ANSWERS, 2L, null)), terms("answers:2"));
        assertEquals(List.of(new Range(NumberField.ANSWERS, 0L, 0L)), terms("answers:0"), "unanswered");
        assertEquals(List.of(new Range(NumberField.ANSWERS, 0L, null)), terms("answers:0.."));
        assertEquals(List.of(new Range(NumberField.ANSWERS, 1L, 3L)), terms("answers:1..3"));
        assertEquals(List.of(new Range(NumberField.VIEWS, 100L, null)), terms("views:100"));
        assertEquals(List.of(new Range(NumberField.VIEWS, null, 50L)), terms("views:..50"));
        assertEquals(1, parse("views:-3").notes().size(), "views are never negative");
    }

    @Test
    void isQuestionOrAnswer() {
        assertEquals(List.of(new Kind(true)), terms("is:question"));
        assertEquals(List.of(new Kind(false)), terms("is:answer"));
        assertEquals(List.of(new Kind(true), new Kind(false)), terms("is:q is:a"));
        assertEquals(1, parse("is:comment").notes().size());
    }

    @Test
    void yesNoFlags() {
        assertEquals(List.of(new Flag(FlagField.IS_ACCEPTED, true)), terms("isaccepted:yes"));
        assertEquals(List.of(new Flag(FlagField.IS_ACCEPTED, false)), terms("isaccepted:no"));
        assertEquals(List.of(new Flag(FlagField.HAS_ACCEPTED, true)), terms("hasaccepted:yes"));
        assertEquals(List.of(new Flag(FlagField.HAS_ACCEPTED, false)), terms("hasaccepted:0"));
        assertEquals(List.of(new Flag(FlagField.CLOSED, true)), terms("closed:true"));
        assertEquals(List.of(new Flag(FlagField.CLOSED, false)), terms("closed:no"));
        assertEquals(List.of(new Flag(FlagField.WIKI, true)), terms("wiki:yes"));
        assertEquals(1, parse("closed:maybe").notes().size());
    }

    @Test
    void createdTakesYearMonthDayAndRanges() {
        assertEquals(List.of(new Dates(DateField.CREATED, at("2019-01-01"), at("2020-01-01"))), terms("created:2019"));
        assertEquals(
                List.of(new Dates(DateField.CREATED, at("2019-03-01"), at("2019-04-01"))), terms("created:2019-03"));
        assertEquals(
                List.of(new Dates(DateField.CREATED, at("2019-03-05"), at("2019-03-06"))), terms("created:2019-03-05"));
        assertEquals(
                List.of(new Dates(DateField.CREATED, at("2019-03-01"), at("2021-01-01"))),
                terms("created:2019-03..2020"));
        assertEquals(List.of(new Dates(DateField.CREATED, at("2019-12-01"), null)), terms("created:2019-12.."));
        assertEquals(List.of(new Dates(DateField.CREATED, null, at("2018-01-01"))), terms("created:..2017"));
        assertEquals(
                List.of(new Dates(DateField.CREATED, at("2017-01-01"), at("2020-01-01"))),
                terms("created:2019..2017"),
                "turned round");
        assertEquals(
                List.of(new Dates(DateField.CREATED, Instant.parse("2026-11-29T12:00:00Z"), NOW)), terms("created:7d"));
        assertEquals(1, parse("created:2019-13").notes().size(), "no 13th month");
        assertEquals(1, parse("created:yesterday").notes().size());
    }

    @Test
    void lastActive() {
        assertEquals(
                List.of(new Dates(DateField.LAST_ACTIVE, at("2020-02-01"), at("2020-03-01"))),
                terms("lastactive:2020-02"));
        assertEquals(
                List.of(new Dates(DateField.LAST_ACTIVE, Instant.parse("2025-12-06T12:00:00Z"), NOW)),
                terms("lastactive:1y"));
    }

    @Test
    void intitleAndBody() {
        assertEquals(List.of(new Text("stout", false, Scope.TITLE, false)), terms("intitle:stout"));
        assertEquals(
                List.of(new Text("imperial stout", true, Scope.TITLE, false)), terms("intitle:\"imperial stout\""));
        assertEquals(
                List.of(new Text("bottle conditioning", true, Scope.BODY, false)),
                terms("body:\"bottle conditioning\""));
        assertEquals(List.of(new Text("yeast", false, Scope.BODY, true)), terms("-body:yeast"));
    }

    @Test
    void inquestionAndUrl() {
        assertEquals(List.of(new InQuestion(12)), terms("inquestion:12"));
        assertEquals(List.of(new Url("*.example.com*")), terms("url:\"*.Example.com*\""));
        assertEquals(List.of(new Url("*example.com*")), terms("url:example.com"), "a bare host matches anywhere");
        assertEquals(1, parse("url:*").notes().size(), "a pattern of wildcards alone would match every link");
    }

    @Test
    void unknownOperatorsAreWordsWithANote() {
        SearchQuery q = parse("colour:amber ale");
        assertEquals(List.of(Text.word("colour"), Text.word("amber"), Text.word("ale")), q.terms());
        assertEquals(List.of("“colour:amber” was searched as words: “colour:” is not an operator."), q.notes());
    }

    @Test
    void anOperatorCannotBeExcluded() {
        SearchQuery q = parse("-score:3 beer");
        assertEquals(
                List.of(
                        new Text("score", false, Scope.ANYWHERE, true),
                        new Text("3", false, Scope.ANYWHERE, true),
                        Text.word("beer")),
                q.terms());
        assertEquals(1, q.notes().size());
    }

    @Test
    void anUnbalancedQuoteIsIgnoredWithANote() {
        SearchQuery q = parse("\"pale ale");
        assertEquals(List.of(Text.word("pale"), Text.word("ale")), q.terms());
        assertEquals(1, q.notes().size());
        assertTrue(q.notes().get(0).contains("quote"), q.notes().toString());
        SearchQuery body = parse("body:\"pale ale");
        assertEquals(List.of(new Text("pale", false, Scope.BODY, false), Text.word("ale")), body.terms());
        SearchQuery badValue = parse("score:\"lots\"");
        assertEquals(List.of(Text.word("score"), Text.word("lots")), badValue.terms());
        assertEquals(1, body.notes().size());
    }

    @Test
    void aCombinationOfEveryKind() {
        List<Term> t = terms(
                "[beer] -[wine] hops \"dry hopping\" user:7 score:2.. answers:1 is:question hasaccepted:yes closed:no "
                        + "created:2015..2016 intitle:ipa url:\"*brewing*\"");
        assertEquals(
                List.of(
                        new Tag("beer", false),
                        new Tag("wine", true),
                        Text.word("hops"),
                        Text.phrase("dry hopping"),
                        new User(7L),
                        new Range(NumberField.SCORE, 2L, null),
                        new Range(NumberField.ANSWERS, 1L, null),
                        new Kind(true),
                        new Flag(FlagField.HAS_ACCEPTED, true),
                        new Flag(FlagField.CLOSED, false),
                        new Dates(DateField.CREATED, at("2015-01-01"), at("2017-01-01")),
                        new Text("ipa", false, Scope.TITLE, false),
                        new Url("*brewing*")),
                t);
    }

    @Test
    void tooLongIsRefused() {
        String ok = "a".repeat(SearchQueryParser.MAX_LENGTH);
        assertEquals(1, parse(ok).terms().size());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(ok + "b"));
        assertEquals("q", e.field());
        assertTrue(e.getMessage().contains("2,000"), e.getMessage());
    }

    @Test
    void tooManyTermsIsRefused() {
        String hundred = "w ".repeat(SearchQueryParser.MAX_TERMS);
        assertEquals(100, parse(hundred).terms().size());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(hundred + "[x]"));
        assertEquals("q", e.field());
        assertTrue(e.getMessage().contains("100"), e.getMessage());
    }

    @Test
    void stopWordsAreLeftOutWithANote() {
        SearchQuery q = StopWords.strip(parse("the and [beer]"), "en");
        assertEquals(List.of(new Tag("beer", false)), q.terms());
        assertEquals(List.of("“the”, “and” are too common to search for and were left out."), q.notes());
        assertTrue(StopWords.strip(parse("the of a"), "en").isEmpty(), "all stop words: nothing to search");
        assertTrue(StopWords.strip(parse("le la les des"), "fr").isEmpty(), "French stop words");
        assertEquals(1, StopWords.strip(parse("la bière"), "fr").terms().size());
        assertTrue(StopWords.strip(parse("\"of the\""), "en").isEmpty(), "a phrase of stop words alone");
        assertEquals(
                1, StopWords.strip(parse("\"out of the blue\""), "en").terms().size());
        assertTrue(StopWords.strip(parse("? -"), "en").isEmpty(), "punctuation alone");
        assertTrue(StopWords.strip(parse("the"), "any").isEmpty());
        SearchQuery kept = StopWords.strip(parse("wine"), "en");
        assertEquals(List.of(Text.word("wine")), kept.terms());
    }

    @Test
    void tabsReadFromTheUrl() {
        assertEquals(SearchTab.NEWEST, SearchTab.of("newest"));
        assertEquals(SearchTab.VOTES, SearchTab.of(" Votes "));
        assertEquals(SearchTab.RELEVANCE, SearchTab.of(null));
        assertEquals(SearchTab.RELEVANCE, SearchTab.of("bogus"));
    }

    @Test
    void excerptsMarkMatchingWordsInAnyFormAndEscapeTheRest() {
        var en = Excerpts.analyzer("en");
        var terms = Excerpts.terms(parse("storing \"wine cellars\" -cork"), en);
        String excerpt =
                Excerpts.excerpt("I stored <b>wine</b> & \"beer\" in the cellar; the cork dried.", terms, en, 240);
        assertEquals(
                "I <mark>stored</mark> &lt;b&gt;<mark>wine</mark>&lt;/b&gt; &amp; &quot;beer&quot; in the "
                        + "<mark>cellar</mark>; the cork dried.",
                excerpt);
        String long_ = "filler ".repeat(100) + "the cellar is dark " + "more ".repeat(100);
        String around = Excerpts.excerpt(long_, terms, en, 80);
        assertTrue(around.startsWith("… filler"), around);
        assertTrue(around.contains("<mark>cellar</mark>"), around);
        assertTrue(around.endsWith(" …"), around);
        assertTrue(around.length() < 80 + 40, around);
        assertEquals("plain start …", Excerpts.excerpt("plain start of a body", Set.of(), en, 12));
        var fr = Excerpts.analyzer("fr");
        assertEquals(
                "Les <mark>bières</mark> de l&#39;abbaye",
                Excerpts.excerpt("Les bières de l'abbaye", Excerpts.terms(parse("bière"), fr), fr, 240));
    }
}
