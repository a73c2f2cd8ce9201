/**
 * The shared tier on the web side: the anonymous output cache (whole pages with ETag / Last-Modified and 304s),
 * fragment keys for pages, versioned static asset URLs, and the cache statistics page and metrics.
 */
package org.parley.cache.web;
