package org.parley.search;

/**
 * Which Hibernate Search backend this server runs: the system property {@code parley.search.backend} that
 * persistence.xml reads ({@code lucene} by default; {@code elasticsearch} in a cluster with OpenSearch).
 */
final class SearchBackend {

    private SearchBackend() {}

    /** Whether each server has an index of its own (Lucene), rather than one shared by all (OpenSearch). */
    static boolean local() {
        return !"elasticsearch".equals(System.getProperty("parley.search.backend", "lucene"));
    }
}
