package org.parley.common;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json.createReader} and its siblings look the provider up
 * again on every call (a {@code ServiceLoader} walk over the deployment's jars); on a closed question's page that
 * lookup was a visible part of the page's CPU (JFR, docs/benchmarks.md). Use {@code JsonProviders.JSON.createReader(...)}
 * and the like instead of the factory methods of {@code jakarta.json.Json}.
 */
public final class JsonProviders {

    /** The provider the application's JSON-P calls go through. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {}
}
