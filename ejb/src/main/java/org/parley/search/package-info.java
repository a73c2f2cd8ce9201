/**
 * Full-text search over questions and answers (Hibernate Search: Lucene on one server, OpenSearch in the cluster):
 * the index mapping of posts, keeping the index fresh on every server, the Stack Overflow query syntax, results,
 * related and similar questions, and analytics by aggregation. Messages keep their own index in {@code message}.
 */
package org.parley.search;
