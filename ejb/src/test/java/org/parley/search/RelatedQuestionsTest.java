package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.cache.proto.Marshalling;
import org.parley.rules.InvalidInputException;

/** The pure parts of related and similar questions: which words are picked, which titles are looked up, the wire. */
class RelatedQuestionsTest {

    @Test
    void titleWordsComeFirstWithoutStopWordsOrFillers() {
        List<String> words = RelatedQuestionsTerms.pick(
                "How do I chill a lager quickly?",
                "I have a warm lager. The freezer is full; ice and salt water maybe? Ice ice ice.",
                10);
        // Title words first ("lager" is in the body too, so it leads), longer ones first among equals; then the body's.
        assertEquals(List.of("lager", "quickly", "chill", "ice"), words.subList(0, 4), words.toString());
        for (String stop : List.of("how", "do", "i", "a", "the", "is", "and", "have")) {
            assertFalse(words.contains(stop), stop + " in " + words);
        }
    }

    @Test
    void bodyWordsAreRankedByOccurrencesWithDiminishingWeightAndCutAtMax() {
        String body = "kettle kettle kettle kettle kettle kettle kettle kettle hops hops hops wort wort yeast";
        List<String> words = RelatedQuestionsTerms.pick("Brewing", body, 3);
        assertEquals(List.of("brewing", "kettle", "hops"), words);
        // Eight occurrences weigh 4, three weigh 2.6: a repeated word leads but does not drown the others.
        assertEquals(
                List.of("brewing", "kettle", "hops", "wort", "yeast"), RelatedQuestionsTerms.pick("Brewing", body, 9));
    }

    @Test
    void frenchStopWordsAndFillersAreLeftOutAndWordsAreLowerCased() {
        List<String> words =
                RelatedQuestionsTerms.pick("Comment conserver le Camembert dans un réfrigérateur ?", null, 10);
        assertEquals(List.of("réfrigérateur", "conserver", "camembert"), words);
    }

    @Test
    void nothingToGoOnGivesNoWords() {
        assertEquals(List.of(), RelatedQuestionsTerms.pick(null, null, 5));
        assertEquals(List.of(), RelatedQuestionsTerms.pick("How can I do it?", "", 5));
        assertThrows(IllegalArgumentException.class, () -> RelatedQuestionsTerms.pick("a", "b", 0));
    }

    @Test
    void similarTitlesMustHaveThreeWordsAndFifteenCharactersAndFitATitle() {
        assertEquals("Chill a warm lager", SimilarQuestions.check("  Chill a warm lager "));
        assertThrows(InvalidInputException.class, () -> SimilarQuestions.check(null));
        assertThrows(InvalidInputException.class, () -> SimilarQuestions.check("   "));
        var twoWords =
                assertThrows(InvalidInputException.class, () -> SimilarQuestions.check("Refrigeration temperatures"));
        assertTrue(twoWords.getMessage().contains("at least 3 words"), twoWords.getMessage());
        assertThrows(InvalidInputException.class, () -> SimilarQuestions.check("a b c d e"), "15 characters");
        var tooLong = assertThrows(InvalidInputException.class, () -> SimilarQuestions.check("word ".repeat(40)));
        assertTrue(tooLong.getMessage().contains("at most 150"), tooLong.getMessage());
        assertEquals(3, RelatedQuestionsTerms.wordCount("l'eau, du vin!"));
    }

    @Test
    void relatedListsRoundTripThroughTheSharedTiersWireFormat() {
        RelatedQuestionList list = new RelatedQuestionList(List.of(
                new RelatedQuestion(12, "Why is my IPA cloudy?", -2, 3, true, false),
                new RelatedQuestion(7, "Café au lait", 0, 0, false, true)));
        assertEquals(list, Marshalling.fromBytes(Marshalling.toBytes(list)));
        RelatedQuestionList empty = new RelatedQuestionList(List.of());
        assertEquals(empty, Marshalling.fromBytes(Marshalling.toBytes(empty)));
        assertEquals("why-is-my-ipa-cloudy", list.questions().get(0).slug());
    }
}
