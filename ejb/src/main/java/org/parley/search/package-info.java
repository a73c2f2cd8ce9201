/**
 * Full-text search with Hibernate Search: index, field and analyzer names, and the analysis both backends share
 * (Lucene on local disk for one server, Elasticsearch/OpenSearch for the cluster; {@code persistence.xml} picks one
 * with the system property {@code parley.search.backend}).
 */
package org.parley.search;
