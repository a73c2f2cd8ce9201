/**
 * Start-up seeding: the default site, and unless switched off, demo sites with deterministic generated content.
 */
package org.parley.seed;
