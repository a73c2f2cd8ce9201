/**
 * What full-text indexes know of language, below every feature that indexes: index, field, analyzer and normalizer
 * names, and the analysis both Hibernate Search backends share (Lucene on local disk for one server,
 * Elasticsearch/OpenSearch for the cluster; {@code persistence.xml} picks one with the system property {@code
 * parley.search.backend}).
 */
package org.parley.analysis;
