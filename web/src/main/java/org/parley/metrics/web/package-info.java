/** Adds each response's timings to its {@code Server-Timing} header. */
package org.parley.metrics.web;
