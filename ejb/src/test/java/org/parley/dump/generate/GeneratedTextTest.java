package org.parley.dump.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpReader;
import org.parley.dump.DumpRow;

/**
 * The text of a generated dump gives search real work: a Zipf vocabulary of many word forms, code and links, titles in
 * families that resemble each other (duplicates among them), and tags whose questions use the tag's words.
 */
class GeneratedTextTest {

    static final int QUESTIONS = 3000;
    static final Pattern WORD = Pattern.compile("[a-z]+");
    static final Pattern HOST = Pattern.compile("href=\"https://([^/\"]+)/");

    @TempDir
    static Path dir;

    static final Vocabulary VOCABULARY = new Vocabulary(5, DumpGenerator.PSEUDO_STEMS);
    static final Set<String> PHRASING = new HashSet<>(List.of(String.join(" ", Corpus.TITLES)
            .replaceAll("\\{.\\}", " ")
            .replaceAll("[^a-zA-Z ]", " ")
            .toLowerCase(Locale.ROOT)
            .split(" +")));
    static final Map<Long, String> titles = new HashMap<>();
    static final Map<Long, List<String>> tagsOf = new HashMap<>();
    static final Map<Long, String> bodies = new HashMap<>();
    static final List<long[]> duplicates = new ArrayList<>();
    static final Map<String, Integer> wordCount = new HashMap<>();
    static int answers;

    @BeforeAll
    static void generate() throws Exception {
        new DumpGenerator(QUESTIONS, 5).write(dir);
        try (DumpReader r = DumpReader.open(dir, DumpFile.POSTS)) {
            DumpRow row;
            while ((row = r.next()) != null) {
                String body = row.get("Body");
                Matcher m = WORD.matcher(body.replaceAll("<[^>]+>", " ").toLowerCase(Locale.ROOT));
                while (m.find()) {
                    wordCount.merge(m.group(), 1, Integer::sum);
                }
                if ("1".equals(row.get("PostTypeId"))) {
                    long id = row.getLong("Id");
                    titles.put(id, row.get("Title"));
                    bodies.put(id, body);
                    tagsOf.put(
                            id,
                            List.of(row.get("Tags")
                                    .substring(1, row.get("Tags").length() - 1)
                                    .split("><")));
                } else {
                    answers++;
                }
            }
        }
        try (DumpReader r = DumpReader.open(dir, DumpFile.POST_LINKS)) {
            DumpRow row;
            while ((row = r.next()) != null) {
                // Links to a random earlier post may point at an answer; those have no title to compare.
                if ("3".equals(row.get("LinkTypeId")) && titles.containsKey(row.getLong("RelatedPostId"))) {
                    duplicates.add(new long[] {row.getLong("PostId"), row.getLong("RelatedPostId")});
                }
            }
        }
    }

    @Test
    void bodiesUseAZipfVocabularyOfManyFormsWithStopWordsOnTop() {
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(wordCount.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        assertEquals("the", ranked.get(0).getKey());
        assertTrue(wordCount.size() > 20_000, "distinct words in the bodies: " + wordCount.size());
        double ratio = (double) ranked.get(0).getValue() / ranked.get(9).getValue();
        assertTrue(ratio > 5 && ratio < 20, "rank 1 over rank 10 (topic words and code flatten it a little): " + ratio);
        long tokens = wordCount.values().stream().mapToLong(Integer::longValue).sum();
        long perPost = tokens / (QUESTIONS + answers);
        assertTrue(perPost > 60 && perPost < 200, "words per post: " + perPost);
    }

    @Test
    void postsHaveCodeBlocksInlineCodeAndLinksToManyHosts() {
        long withBlock =
                bodies.values().stream().filter(b -> b.contains("<pre><code>")).count();
        long withInline = bodies.values().stream()
                .filter(b -> b.replace("<pre><code>", "").contains("<code>"))
                .count();
        assertTrue(withBlock > 0.35 * QUESTIONS && withBlock < 0.55 * QUESTIONS, "questions with code: " + withBlock);
        assertTrue(withInline > 0.3 * QUESTIONS, "questions with inline code: " + withInline);
        Set<String> hosts = new HashSet<>();
        long exampleCom = 0;
        for (String b : bodies.values()) {
            Matcher m = HOST.matcher(b);
            while (m.find()) {
                hosts.add(m.group(1));
                exampleCom += m.group(1).endsWith("example.com") ? 1 : 0;
            }
        }
        assertTrue(hosts.size() > 100, "hosts linked: " + hosts.size());
        assertTrue(exampleCom > 10, "links to *.example.com: " + exampleCom);
    }

    @Test
    void titlesComeInFamiliesThatShareKeyWordsAndDuplicatesAreFamily() {
        Map<Integer, Integer> keyWordUse = new HashMap<>();
        titles.values().forEach(t -> keyWords(t).forEach(w -> keyWordUse.merge(w, 1, Integer::sum)));
        long resembling = titles.values().stream()
                .filter(t ->
                        keyWords(t).stream().filter(w -> keyWordUse.get(w) > 1).count() >= 2)
                .count();
        assertTrue(resembling > 0.6 * QUESTIONS, "titles sharing two key words with others: " + resembling);

        assertTrue(duplicates.size() > 20, "duplicate links: " + duplicates.size());
        long sameFamily = duplicates.stream()
                .filter(d -> {
                    Set<Integer> a = keyWords(titles.get(d[0]));
                    a.retainAll(keyWords(titles.get(d[1])));
                    return a.size() >= 2;
                })
                .count();
        assertTrue(sameFamily > 0.75 * duplicates.size(), sameFamily + " of " + duplicates.size() + " duplicates");
    }

    @Test
    void aTagsQuestionsUseItsWordsFarMoreThanOthers() {
        Map<String, Integer> tagUse = new HashMap<>();
        tagsOf.values().forEach(ts -> ts.forEach(t -> tagUse.merge(t, 1, Integer::sum)));
        List<String> checked = new ArrayList<>(List.of("wheel", "steel"));
        // And a tag of the long tail, named after its first topic word (a pseudo-word).
        tagUse.entrySet().stream()
                .filter(e -> e.getValue() >= 20
                        && e.getKey().matches("[a-z]+")
                        && VOCABULARY.rank(e.getKey()) >= VOCABULARY.coreStems())
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .ifPresent(checked::add);
        assertEquals(3, checked.size(), "a pseudo-word tag with 20 questions: " + tagUse);
        for (String tag : checked) {
            double in = share(tag, true);
            double out = share(tag, false);
            assertTrue(in > 4 * out, tag + ": " + in + " in its questions, " + out + " in others");
        }
    }

    /** The share of the word {@code tag} among the words of the questions that carry (or not) the tag. */
    private static double share(String tag, boolean carrying) {
        long hits = 0;
        long all = 0;
        for (Map.Entry<Long, String> e : bodies.entrySet()) {
            if (tagsOf.get(e.getKey()).contains(tag) != carrying) {
                continue;
            }
            Matcher m = WORD.matcher(e.getValue().replaceAll("<[^>]+>", " ").toLowerCase(Locale.ROOT));
            while (m.find()) {
                all++;
                hits += m.group().equals(tag) ? 1 : 0;
            }
        }
        return (double) hits / Math.max(1, all);
    }

    /** The stems of a title's words but those of the title phrasings ("How do I", "the best way to", ...). */
    private static Set<Integer> keyWords(String title) {
        Set<Integer> out = new HashSet<>();
        Matcher m = WORD.matcher(title.toLowerCase(Locale.ROOT));
        while (m.find()) {
            int rank = VOCABULARY.rank(m.group());
            if (rank >= 0 && !PHRASING.contains(m.group())) {
                out.add(VOCABULARY.stem(rank));
            }
        }
        return out;
    }
}
