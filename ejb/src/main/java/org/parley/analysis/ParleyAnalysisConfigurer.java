package org.parley.analysis;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Defines Parley's analyzers and normalizers ({@link SearchNames}) for whichever backend runs, so that one {@code
 * persistence.xml} serves both: the same chains under the names each backend gives its components. Both backend
 * modules (and Lucene's own, for its language analyzers) are added to the EJB module (jboss-deployment-structure.xml),
 * so this class loads whichever is configured.
 *
 * <p>The language analyzers are Lucene's {@link EnglishAnalyzer} and {@link FrenchAnalyzer} on the Lucene backend and
 * Elasticsearch's built-in {@code english} and {@code french} analyzers, which are the same chains (standard
 * tokenizer, possessives or elisions, lower case, the language's stop words, the Porter or light French stemmer).
 */
public class ParleyAnalysisConfigurer implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(SearchNames.TEXT_ANALYZER)
                .custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
        context.analyzer(SearchNames.ENGLISH_ANALYZER).instance(new EnglishAnalyzer());
        context.analyzer(SearchNames.FRENCH_ANALYZER).instance(new FrenchAnalyzer());
        context.normalizer(SearchNames.LOWERCASE_NORMALIZER).custom().tokenFilter("lowercase");
    }

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(SearchNames.TEXT_ANALYZER)
                .custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding");
        context.analyzer(SearchNames.ENGLISH_ANALYZER).type("english");
        context.analyzer(SearchNames.FRENCH_ANALYZER).type("french");
        context.normalizer(SearchNames.LOWERCASE_NORMALIZER).custom().tokenFilters("lowercase");
    }
}
