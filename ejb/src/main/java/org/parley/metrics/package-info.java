/**
 * Where a request's time goes: named, nested timing steps (SQL, cache, ...) collected per request on the
 * request's thread, for the {@code Server-Timing} header and, later, the profiler and dashboard.
 */
package org.parley.metrics;
