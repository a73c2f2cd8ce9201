package org.parley.dump.generate;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The text of a generated dump, so that search has real work to do: words drawn from a Zipf {@link Vocabulary}; each
 * tag has topic words its questions use far more than others (and is named after the first); questions come in title
 * families (a primary tag, a verb and two key words) whose titles resemble each other in different phrasings, so
 * related and similar questions and duplicates mean something; bodies have paragraphs of realistic sentences, inline
 * code, code blocks in several styles, lists and links to a few hundred hosts. Everything is drawn from the caller's
 * random stream or from streams seeded by the dump's seed, so the same seed gives the same text.
 */
final class Corpus {

    /** Topic words per tag. */
    static final int TOPIC = 20;

    static final String[] TITLES = {
        "How do I {V} the {A} {B}?",
        "How do I {V} the {A} {B} on a {C}?",
        "How to {V} {A} {B} with {X}?",
        "Why does my {A} {B} keep {G}?",
        "Why does the {A} {B} {S} after {X}?",
        "{A} {B} {S} when {X}",
        "{A} {B} not {G} with {C}",
        "What is the best way to {V} {A} {B}?",
        "Can I {V} a {A} {B} without {C}?",
        "Is it possible to {V} {A} {B} in {C}?",
        "Difference between {A} {B} and {C}",
        "{A} {B} keeps {G} on {C}",
        "Should I {V} the {A} {B} before {X}?",
        "{V} {A} {B} for {X}",
        "{A} {B}: {G} fails with {C}",
        "When should I {V} my {A} {B}?"
    };
    private static final String[] FIXED_HOSTS = {
        "github.com",
        "stackoverflow.com",
        "en.wikipedia.org",
        "www.youtube.com",
        "docs.oracle.com",
        "developer.mozilla.org",
        "www.sheldonbrown.com",
        "www.parktool.com",
        "example.com",
        "www.example.com",
        "docs.example.com",
        "forum.example.com"
    };
    private static final String[] TYPES = {"int", "String", "var", "long", "boolean", "double", "List<String>"};
    private static final String[] HOSTS_PATTERN = {
        "www.%s.com", "%s.org", "docs.%s.io", "%s-%s.net", "%s.example.com", "blog.%s.de", "wiki.%s.org", "%s.dev"
    };

    private final Vocabulary words;
    private final long seed;
    private final int[][] topics;
    private final String[] tagNames;
    private final String[] hosts;
    private final double[] hostCdf;

    /**
     * @param named names of the first tags (real words of the vocabulary); later tags are named after their first
     *     topic word
     */
    Corpus(Vocabulary words, long seed, int tagCount, String[] named) {
        this.words = words;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed ^ 0x7A6C0FFEEL);
        int pseudo = words.stems() - words.coreStems();
        topics = new int[tagCount][TOPIC];
        tagNames = new String[tagCount];
        Set<String> taken = new HashSet<>();
        for (int t = 0; t < tagCount; t++) {
            for (int i = 0; i < TOPIC; i++) {
                // Mostly the commoner pseudo stems, so a topic's words recur across posts.
                topics[t][i] = words.coreStems() + (int) (pseudo * Math.pow(random.nextDouble(), 1.3));
            }
            String name;
            if (t < named.length) {
                int rank = words.rank(named[t]);
                if (rank < 0 || rank >= words.coreStems()) {
                    throw new IllegalArgumentException(named[t] + " is not one of the vocabulary's real words");
                }
                topics[t][0] = rank; // a real word is its own stem, at its rank
                name = named[t];
            } else {
                name = base(topics[t][0]);
                if (taken.contains(name)) {
                    name = name + "-" + base(topics[t][1]);
                }
                if (taken.contains(name)) {
                    name = name + "-" + t;
                }
            }
            taken.add(name);
            tagNames[t] = name;
        }
        hosts = new String[300];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < hosts.length; i++) {
            String host;
            if (i < FIXED_HOSTS.length) {
                host = FIXED_HOSTS[i];
            } else {
                do {
                    String pattern = HOSTS_PATTERN[random.nextInt(HOSTS_PATTERN.length)];
                    host = String.format(pattern, pseudoBase(random, 3000), pseudoBase(random, 3000));
                } while (!seen.add(host));
            }
            seen.add(host);
            hosts[i] = host;
        }
        hostCdf = new double[hosts.length];
        double sum = 0;
        for (int i = 0; i < hosts.length; i++) {
            sum += 1 / Math.pow(i + 1, 0.9);
            hostCdf[i] = sum;
        }
        for (int i = 0; i < hosts.length; i++) {
            hostCdf[i] /= sum;
        }
    }

    String tagName(int tag) {
        return tagNames[tag];
    }

    /** The stem ids of a tag's topic words, the one it is named after first. */
    int[] topic(int tag) {
        return topics[tag];
    }

    /** The hosts links point to, most linked first. */
    String[] hosts() {
        return hosts.clone();
    }

    /** A title family: questions sharing a primary tag, a verb and key words, asked in different phrasings. */
    record Family(long key, int tag, String[] verb, int a, int b, int c) {}

    /** Family {@code index} of tag {@code tag}; the same arguments give the same family. */
    Family family(int tag, int index) {
        long key = ((long) tag << 32) | index;
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key);
        int[] topic = topics[tag];
        int a = topic[(int) (TOPIC * Math.pow(r.nextDouble(), 2))];
        int b = r.nextBoolean() ? topic[r.nextInt(TOPIC)] : pseudoStem(r, 8000);
        int c = r.nextBoolean() ? topic[r.nextInt(TOPIC)] : pseudoStem(r, 16000);
        return new Family(key, tag, words.verb(r.nextInt(words.verbs())), a, b, c);
    }

    /** A title of the family: one of several phrasings around its key words. */
    String title(Family f, int[] tags, SplittableRandom r) {
        String template = TITLES[r.nextInt(TITLES.length)];
        StringBuilder b = new StringBuilder(80);
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch != '{') {
                b.append(ch);
                continue;
            }
            char slot = template.charAt(i + 1);
            i += 2;
            switch (slot) {
                case 'V' -> b.append(f.verb()[0]);
                case 'S' -> b.append(f.verb()[1]);
                case 'G' -> b.append(f.verb()[2]);
                case 'A' -> b.append(noun(f.a(), r));
                case 'B' -> b.append(noun(f.b(), r));
                case 'C' -> b.append(noun(f.c(), r));
                default -> {
                    // A phrase of one or two content words: the tags' topic words or common pseudo-words.
                    b.append(r.nextBoolean() ? "the " : "");
                    b.append(noun(r.nextBoolean() ? topicStem(tags, r) : pseudoStem(r, 8000), r));
                    if (r.nextBoolean()) {
                        b.append(' ').append(noun(pseudoStem(r, 8000), r));
                    }
                }
            }
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    /** A question's body: 1-4 paragraphs, often a code block, sometimes a list or a link. */
    String questionBody(Family f, int[] tags, SplittableRandom r) {
        StringBuilder b = new StringBuilder(1024);
        int paragraphs = 1 + r.nextInt(4);
        boolean code = r.nextInt(100) < 45;
        int codeAt = r.nextInt(paragraphs);
        for (int p = 0; p < paragraphs; p++) {
            paragraph(b, f, tags, 2 + r.nextInt(3), p == 0 && r.nextInt(3) == 0, r);
            if (code && p == codeAt) {
                codeBlock(b, f, tags, r);
            }
        }
        if (r.nextInt(10) == 0) {
            list(b, f, tags, r);
        }
        if (r.nextInt(100) < 15) {
            link(b, f, tags, r);
        }
        return b.toString();
    }

    /** An answer's body: shorter than a question's, code a little less often, links a little more. */
    String answerBody(Family f, int[] tags, SplittableRandom r) {
        StringBuilder b = new StringBuilder(768);
        int paragraphs = 1 + r.nextInt(3);
        boolean code = r.nextInt(100) < 30;
        for (int p = 0; p < paragraphs; p++) {
            paragraph(b, f, tags, 1 + r.nextInt(4), false, r);
            if (code && p == 0) {
                codeBlock(b, f, tags, r);
            }
        }
        if (r.nextInt(100) < 20) {
            link(b, f, tags, r);
        }
        return b.toString();
    }

    /** A comment: one sentence, sometimes with inline code. */
    String comment(Family f, int[] tags, SplittableRandom r) {
        StringBuilder b = new StringBuilder(160);
        sentence(b, f, tags, 6 + r.nextInt(14), r.nextInt(5) == 0, r);
        return b.toString();
    }

    private void paragraph(StringBuilder b, Family f, int[] tags, int sentences, boolean ask, SplittableRandom r) {
        b.append("<p>");
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                b.append(' ');
            }
            sentence(b, f, tags, 4 + r.nextInt(10) + r.nextInt(10), r.nextInt(5) == 0, r);
            if (ask && s == sentences - 1) {
                b.setCharAt(b.length() - 1, '?');
            }
        }
        b.append("</p>\n");
    }

    private void sentence(StringBuilder b, Family f, int[] tags, int n, boolean inlineCode, SplittableRandom r) {
        int start = b.length();
        int codeAt = inlineCode ? r.nextInt(n) : -1;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(r.nextInt(16) == 0 ? ", " : " ");
            }
            if (i == codeAt) {
                b.append("<code>");
                identifier(b, f, tags, r);
                b.append("</code>");
            } else {
                b.append(word(tags, f, r));
            }
        }
        if (b.charAt(start) != '<') {
            b.setCharAt(start, Character.toUpperCase(b.charAt(start)));
        }
        b.append('.');
    }

    private void list(StringBuilder b, Family f, int[] tags, SplittableRandom r) {
        b.append("<ul>\n");
        int items = 2 + r.nextInt(3);
        for (int i = 0; i < items; i++) {
            b.append("<li>");
            sentence(b, f, tags, 3 + r.nextInt(6), r.nextInt(4) == 0, r);
            b.append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private void link(StringBuilder b, Family f, int[] tags, SplittableRandom r) {
        String host = hosts[pick(hostCdf, r.nextDouble())];
        b.append("<p>See <a href=\"https://").append(host).append('/');
        b.append(base(topicStem(tags, r))).append('/').append(base(pseudoStem(r, 8000)));
        switch (r.nextInt(4)) {
            case 0 -> b.append(".html");
            case 1 -> b.append("?id=").append(r.nextInt(100_000));
            case 2 -> b.append("/issues/").append(1 + r.nextInt(5000));
            default -> b.append('/');
        }
        b.append("\" rel=\"nofollow noreferrer\">");
        int n = 2 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(word(tags, f, r));
        }
        b.append("</a>.</p>\n");
    }

    /** A code block in one of four styles (Java-like, Python, shell session, configuration), HTML-escaped. */
    private void codeBlock(StringBuilder b, Family f, int[] tags, SplittableRandom r) {
        b.append("<pre><code>");
        int lines = 2 + r.nextInt(10);
        int style = r.nextInt(4);
        for (int i = 0; i < lines; i++) {
            switch (style) {
                case 0 -> javaLine(b, f, tags, r);
                case 1 -> pythonLine(b, f, tags, r, i);
                case 2 -> shellLine(b, tags, r);
                default -> configLine(b, tags, r);
            }
            b.append('\n');
        }
        b.append("</code></pre>\n");
    }

    private void javaLine(StringBuilder b, Family f, int[] tags, SplittableRandom r) {
        switch (r.nextInt(6)) {
            case 0 -> {
                b.append(TYPES[r.nextInt(TYPES.length)].replace("<", "&lt;").replace(">", "&gt;"))
                        .append(' ');
                camel(b, tags, r, 2);
                b.append(" = ");
                camel(b, tags, r, 2);
                b.append('(');
                camel(b, tags, r, 1);
                b.append(", ").append(r.nextInt(1000)).append(");");
            }
            case 1 -> {
                b.append("if (");
                camel(b, tags, r, 1);
                b.append(r.nextBoolean() ? " &lt; " : " &gt;= ")
                        .append(r.nextInt(100))
                        .append(") {\n    ");
                camel(b, tags, r, 2);
                b.append('.');
                camel(b, tags, r, 1);
                b.append("(\"").append(base(topicStem(tags, r))).append("\");\n}");
            }
            case 2 -> {
                b.append("// ");
                int n = 3 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? " " : "").append(word(tags, f, r));
                }
            }
            case 3 -> {
                b.append("return ");
                camel(b, tags, r, 2);
                b.append(r.nextBoolean() ? " &amp;&amp; " : " || ");
                camel(b, tags, r, 1);
                b.append(';');
            }
            case 4 -> {
                b.append("for (var ");
                camel(b, tags, r, 1);
                b.append(" : ");
                camel(b, tags, r, 2);
                b.append(") { count++; }");
            }
            default -> {
                camel(b, tags, r, 2);
                b.append('.');
                camel(b, tags, r, 2);
                b.append("(new ");
                pascal(b, tags, r);
                b.append("());");
            }
        }
    }

    private void pythonLine(StringBuilder b, Family f, int[] tags, SplittableRandom r, int line) {
        if (line == 0) {
            b.append("def ");
            snake(b, tags, r);
            b.append('(');
            snake(b, tags, r);
            b.append(", ");
            snake(b, tags, r);
            b.append("=None):");
            return;
        }
        b.append("    ");
        switch (r.nextInt(4)) {
            case 0 -> {
                snake(b, tags, r);
                b.append(" = ");
                snake(b, tags, r);
                b.append('.');
                snake(b, tags, r);
                b.append("(").append(r.nextInt(10)).append(')');
            }
            case 1 -> {
                b.append("# ");
                int n = 3 + r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? " " : "").append(word(tags, f, r));
                }
            }
            case 2 -> {
                b.append("for item in ");
                snake(b, tags, r);
                b.append(": print(item['").append(base(topicStem(tags, r))).append("'])");
            }
            default -> {
                b.append("return ");
                snake(b, tags, r);
            }
        }
    }

    private void shellLine(StringBuilder b, int[] tags, SplittableRandom r) {
        switch (r.nextInt(3)) {
            case 0 ->
                b.append("$ ")
                        .append(base(topicStem(tags, r)))
                        .append(" --")
                        .append(base(pseudoStem(r, 4000)))
                        .append(" /etc/")
                        .append(base(topicStem(tags, r)))
                        .append('/')
                        .append(base(pseudoStem(r, 4000)))
                        .append(".conf");
            case 1 ->
                b.append("Error: ")
                        .append(base(topicStem(tags, r)))
                        .append(' ')
                        .append(base(pseudoStem(r, 8000)))
                        .append(" failed (code ")
                        .append(r.nextInt(256))
                        .append(')');
            default ->
                b.append(base(pseudoStem(r, 4000)))
                        .append(": ")
                        .append(r.nextInt(10_000))
                        .append(" kB, ")
                        .append(r.nextInt(100))
                        .append("% done");
        }
    }

    private void configLine(StringBuilder b, int[] tags, SplittableRandom r) {
        switch (r.nextInt(3)) {
            case 0 -> b.append('[').append(base(topicStem(tags, r))).append(']');
            case 1 ->
                b.append(base(topicStem(tags, r)))
                        .append('.')
                        .append(base(pseudoStem(r, 4000)))
                        .append(" = ")
                        .append(r.nextInt(5000));
            default ->
                b.append(base(pseudoStem(r, 4000)))
                        .append(": \"")
                        .append(base(topicStem(tags, r)))
                        .append('"');
        }
    }

    private void identifier(StringBuilder b, Family f, int[] tags, SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0 -> camel(b, tags, r, 2);
            case 1 -> snake(b, tags, r);
            case 2 -> b.append(base(topicStem(tags, r))).append("()");
            case 3 -> b.append("--").append(base(f.a())).append('-').append(base(pseudoStem(r, 4000)));
            default -> b.append(base(topicStem(tags, r))).append('.').append(base(pseudoStem(r, 4000)));
        }
    }

    private void camel(StringBuilder b, int[] tags, SplittableRandom r, int parts) {
        b.append(base(topicStem(tags, r)));
        for (int i = 1; i < parts; i++) {
            capitalized(b, base(pseudoStem(r, 4000)));
        }
    }

    private void pascal(StringBuilder b, int[] tags, SplittableRandom r) {
        capitalized(b, base(topicStem(tags, r)));
        capitalized(b, base(pseudoStem(r, 4000)));
    }

    private void snake(StringBuilder b, int[] tags, SplittableRandom r) {
        b.append(base(topicStem(tags, r))).append('_').append(base(pseudoStem(r, 4000)));
    }

    private static void capitalized(StringBuilder b, String w) {
        b.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
    }

    /**
     * One word of running text: mostly the Zipf vocabulary, sometimes a topic word of one of the post's tags (the
     * first tag most), sometimes one of its family's key words.
     */
    private String word(int[] tags, Family f, SplittableRandom r) {
        int roll = r.nextInt(100);
        if (roll < 12) {
            return form(topicStem(tags, r), r);
        }
        if (roll < 15) {
            return form(roll == 12 ? f.a() : f.b(), r);
        }
        return words.draw(r);
    }

    private int topicStem(int[] tags, SplittableRandom r) {
        int tag = r.nextBoolean() ? tags[0] : tags[r.nextInt(tags.length)];
        return topics[tag][(int) (TOPIC * Math.pow(r.nextDouble(), 2))];
    }

    /** A stem as a noun: its base form mostly, its second form (mostly the plural) otherwise. */
    private String noun(int stem, SplittableRandom r) {
        int[] forms = words.forms(stem);
        return words.word(forms.length == 1 || r.nextInt(5) > 0 ? forms[0] : forms[1]);
    }

    /** A form of a stem: the base form mostly, an inflection otherwise. */
    private String form(int stem, SplittableRandom r) {
        int[] forms = words.forms(stem);
        return words.word(forms.length == 1 || r.nextInt(10) < 6 ? forms[0] : forms[r.nextInt(forms.length)]);
    }

    private String base(int stem) {
        return words.word(words.forms(stem)[0]);
    }

    /** One of the {@code within} commonest pseudo stems, commoner ones more often. */
    private int pseudoStem(SplittableRandom r, int within) {
        int pseudo = Math.min(within, words.stems() - words.coreStems());
        return words.coreStems() + (int) (pseudo * r.nextDouble() * r.nextDouble());
    }

    private String pseudoBase(SplittableRandom r, int within) {
        return base(pseudoStem(r, within));
    }

    static int pick(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
