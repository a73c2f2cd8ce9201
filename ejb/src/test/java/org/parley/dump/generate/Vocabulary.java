package org.parley.dump.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The generated dumps' vocabulary: tens of thousands of word forms with Zipf(1) frequencies, built from a seed. The most
 * frequent forms are real English words in about their real order (function words first, so stop words dominate as
 * in real text, then common words of a Q&amp;A site and the bicycle words the tags are named after); behind them come
 * pseudo-words composed of syllables, each stem with some of its inflected forms ({@code -s}, {@code -ed}, {@code -ing})
 * at lower ranks, so a stemmer folds several forms into one term. A word is drawn in constant time (Vose's alias
 * method), which keeps a 1,000,000-question dump within minutes.
 */
public final class Vocabulary {

    /** Real words, most frequent first; repeated words are ignored after their first place. */
    static final String CORE = """
            the of and to a in is it you that for was on are with as be this have not or at but by from they we
            can if my an there all your which will one do so has what when would about out up use more some no get
            how like just than then its only other time also into should any these them me need because way does
            work here there after first know see new want could been where same using used make each now two very
            set bike wheel try well why even back good problem much most right think question answer still over
            while both different many without since find through seems between before those example change better
            really something call doing around however long thing getting down also another case going rear front
            file code error value data user server version function method class object string list page test line
            name number type option system process result results issue point part side size order end help go
            works worked working uses tried trying runs running run sets setting changes changed changing gets
            made making makes needs needed wants wanted found finding adds added adding looks looking looked
            started starting start calls called calling returns returned return installed installing install
            fixed fixing fixes fix
            chain brake saddle frame tyre gear pedal spoke hub crank fork helmet light lock route commute winter
            rain climb speed cadence repair fit steel carbon tubeless pressure derailleur cable bearing grease rust
            clean noise shift stop ride short fast slow old best cheap lamp heavy
            wheels chains brakes gears pedals spokes forks tyres lights frames bearings cables shifting braking
            riding climbing cleaning repairing""";

    /** Regular verbs as {@code base third-person gerund}, for titles ("How do I adjust ...", "... keeps slipping"). */
    static final String VERBS = """
            adjust adjusts adjusting clean cleans cleaning fix fixes fixing install installs installing remove
            removes removing replace replaces replacing change changes changing configure configures configuring
            convert converts converting update updates updating measure measures measuring check checks checking
            repair repairs repairing tighten tightens tightening align aligns aligning connect connects connecting
            detect detects detecting load loads loading upgrade upgrades upgrading protect protects protecting
            prevent prevents preventing choose chooses choosing store stores storing mount mounts mounting test
            tests testing debug debugs debugging slip slips slipping squeak squeaks squeaking rub rubs rubbing
            parse parses parsing deploy deploys deploying cache caches caching""";

    private static final String[] ONSETS = {
        "b", "br", "bl", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j", "k", "l", "m",
        "n", "p", "pl", "pr", "qu", "r", "s", "sc", "sh", "sk", "sl", "sn", "sp", "st", "str", "t", "th", "tr", "v",
        "w", "z", "", "", ""
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ee", "io", "ou", "oa"};
    private static final String[] CODAS = {
        "", "", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "ng", "x", "ck", "sh", "rt", "mp", "lt", "nt"
    };

    private final String[] forms;
    private final int[][] stemForms;
    private final int[] stemOf;
    private final int coreStems;
    private final Map<String, Integer> rankOf;
    /** Vose's alias table, one long per column: the threshold (probability * 2^31) high, the alias low. */
    private final long[] table;

    private final String[][] verbs;
    private final double harmonic;

    /** The vocabulary for {@code seed} with about {@code pseudoStems * 2.7} pseudo-word forms behind the real ones. */
    public Vocabulary(long seed, int pseudoStems) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Set<String> core = new LinkedHashSet<>(Arrays.asList(CORE.trim().split("\\s+")));
        String[] verbWords = VERBS.trim().split("\\s+");
        verbs = new String[verbWords.length / 3][];
        for (int i = 0; i < verbs.length; i++) {
            verbs[i] = Arrays.copyOfRange(verbWords, 3 * i, 3 * i + 3);
        }
        Set<String> taken = new LinkedHashSet<>(core);
        taken.addAll(Arrays.asList(verbWords));

        // Pseudo stems in frequency order; each gets its base form and some inflections, placed at a lower rank the
        // rarer the inflection is (a key sorted below), so "brakor" comes before "brakors", "brakoring", "brakored".
        List<String> keyed = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        List<int[]> owner = new ArrayList<>();
        String[] stems = new String[pseudoStems];
        for (int s = 0; s < pseudoStems; s++) {
            String stem;
            do {
                stem = stem(random);
            } while (!taken.add(stem));
            stems[s] = stem;
            addForm(keyed, keys, owner, stem, s, 1.0, random);
            // An inflected form that another word already is, is left out (rare with syllable stems).
            if (random.nextInt(10) < 7 && taken.add(plural(stem))) {
                addForm(keyed, keys, owner, plural(stem), s, 2.5, random);
            }
            if (random.nextInt(2) == 0 && taken.add(ing(stem))) {
                addForm(keyed, keys, owner, ing(stem), s, 4, random);
            }
            if (random.nextInt(2) == 0 && taken.add(ed(stem))) {
                addForm(keyed, keys, owner, ed(stem), s, 5, random);
            }
        }
        Integer[] order = new Integer[keyed.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys.get(a)[0], keys.get(b)[0]));

        coreStems = core.size();
        forms = new String[core.size() + order.length];
        List<List<Integer>> byStem = new ArrayList<>();
        int rank = 0;
        for (String w : core) {
            byStem.add(new ArrayList<>(List.of(rank)));
            forms[rank++] = w;
        }
        for (int s = 0; s < pseudoStems; s++) {
            byStem.add(new ArrayList<>());
        }
        for (Integer i : order) {
            String form = keyed.get(i);
            byStem.get(coreStems + owner.get(i)[0]).add(rank);
            forms[rank++] = form;
        }
        stemForms = new int[byStem.size()][];
        stemOf = new int[forms.length];
        for (int s = 0; s < stemForms.length; s++) {
            stemForms[s] = byStem.get(s).stream().mapToInt(Integer::intValue).toArray();
            for (int form : stemForms[s]) {
                stemOf[form] = s;
            }
        }
        rankOf = new HashMap<>(forms.length * 2);
        for (int r = 0; r < forms.length; r++) {
            rankOf.putIfAbsent(forms[r], r);
        }

        // Zipf(1): p(rank r) proportional to 1 / (r + 1); Vose's alias table for O(1) draws.
        int n = forms.length;
        double[] p = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            p[r] = 1.0 / (r + 1);
            sum += p[r];
        }
        harmonic = sum;
        double[] probability = new double[n];
        int[] alias = new int[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        double[] scaled = new double[n];
        for (int r = 0; r < n; r++) {
            scaled[r] = p[r] / sum * n;
            if (scaled[r] < 1) {
                small[ns++] = r;
            } else {
                large[nl++] = r;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            probability[large[--nl]] = 1;
        }
        while (ns > 0) {
            probability[small[--ns]] = 1;
        }
        table = new long[n];
        for (int r = 0; r < n; r++) {
            long threshold = Math.min(1L << 31, Math.round(probability[r] * (1L << 31)));
            table[r] = threshold << 32 | alias[r];
        }
    }

    private void addForm(
            List<String> keyed,
            List<double[]> keys,
            List<int[]> owner,
            String form,
            int stem,
            double factor,
            SplittableRandom random) {
        keyed.add(form);
        keys.add(new double[] {(stem + 1) * factor * (0.7 + 0.6 * random.nextDouble())});
        owner.add(new int[] {stem});
    }

    private static String stem(SplittableRandom random) {
        // Mostly one or two syllables, as English content words: 4-8 letters.
        int roll = random.nextInt(20);
        int syllables = roll < 8 ? 1 : roll < 18 ? 2 : 3;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            String onset = ONSETS[random.nextInt(ONSETS.length)];
            b.append(i > 0 && onset.length() > 2 ? onset.substring(0, 1) : onset);
            b.append(VOWELS[random.nextInt(i == 0 ? VOWELS.length : 5)]);
            if (i == syllables - 1 || random.nextInt(4) == 0) {
                b.append(CODAS[random.nextInt(CODAS.length)]);
            }
        }
        return b.length() < 3 ? b.append("n").toString() : b.toString();
    }

    static String plural(String stem) {
        return stem.endsWith("s") || stem.endsWith("x") || stem.endsWith("sh") || stem.endsWith("ch")
                ? stem + "es"
                : stem + "s";
    }

    static String ing(String stem) {
        return stem.endsWith("e") && stem.length() > 3 && !stem.endsWith("ee")
                ? stem.substring(0, stem.length() - 1) + "ing"
                : stem + "ing";
    }

    static String ed(String stem) {
        return stem.endsWith("e") ? stem + "d" : stem + "ed";
    }

    /** How many word forms there are. */
    public int size() {
        return forms.length;
    }

    /** The word form of rank {@code rank} (0 is the most frequent). */
    public String word(int rank) {
        return forms[rank];
    }

    /** The rank of {@code word}, or -1 when it is not in the vocabulary. */
    public int rank(String word) {
        return rankOf.getOrDefault(word, -1);
    }

    /** The probability of drawing rank {@code rank}: Zipf(1) over all forms. */
    public double frequency(int rank) {
        return 1.0 / (rank + 1) / harmonic;
    }

    /** A rank drawn with Zipf(1) frequencies. */
    public int sample(SplittableRandom random) {
        // One 64-bit draw: the low half picks the column, the high half decides between it and its alias.
        long bits = random.nextLong();
        int r = (int) (((bits & 0xFFFFFFFFL) * table.length) >>> 32);
        long column = table[r];
        return (bits >>> 33) < (column >>> 32) ? r : (int) column;
    }

    /** A word drawn with Zipf(1) frequencies. */
    public String draw(SplittableRandom random) {
        return forms[sample(random)];
    }

    /** Number of stems: the real words (one form each), then the pseudo stems in frequency order. */
    public int stems() {
        return stemForms.length;
    }

    /** Number of real-word stems, which come first. */
    public int coreStems() {
        return coreStems;
    }

    /** The ranks of a stem's forms, base form first. */
    public int[] forms(int stem) {
        return stemForms[stem];
    }

    /** The stem of the form of rank {@code rank}. */
    public int stem(int rank) {
        return stemOf[rank];
    }

    /** Regular verbs as {base, third person, gerund}. */
    public String[] verb(int i) {
        return verbs[Math.floorMod(i, verbs.length)];
    }

    public int verbs() {
        return verbs.length;
    }
}
