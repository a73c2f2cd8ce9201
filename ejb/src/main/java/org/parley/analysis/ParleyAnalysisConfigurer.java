package org.parley.analysis;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Defines {@link SearchNames#TEXT_ANALYZER} for whichever backend runs, so that one {@code persistence.xml} serves
 * both: the same chain under the names each backend gives its components. Both backend modules are added to the EJB
 * module (jboss-deployment-structure.xml), so this class loads whichever is configured.
 */
public class ParleyAnalysisConfigurer implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(SearchNames.TEXT_ANALYZER)
                .custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
    }

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(SearchNames.TEXT_ANALYZER)
                .custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding");
    }
}
