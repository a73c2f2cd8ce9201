/**
 * A synthetic Stack Exchange data dump at any scale ({@link org.parley.dump.generate.DumpGenerator}, run by {@code
 * scripts/generate-dump.sh}): Zipf-distributed tags, 1-5 tags per question, about two answers per question,
 * comments, votes, badges, revision history and links, dated over years. The text gives search real work: words drawn
 * from a Zipf vocabulary of ~45,000 forms ({@link org.parley.dump.generate.Vocabulary}: English function and common
 * words first, then syllable pseudo-words with -s/-ed/-ing forms), tags with topic words, titles in families that
 * resemble each other, code blocks, inline code and links ({@link org.parley.dump.generate.Corpus}). One pass with all files open, so memory
 * stays flat; the same seed gives the same bytes. A tool for tests and benchmarks, so it lives in the test sources
 * (the ejb module's test jar, for the ear module's tests) and is not deployed.
 */
package org.parley.dump.generate;
