/**
 * Watched and ignored tags: each user's own marks on a site's tags, which question lists show as highlighted
 * (watched) or faded (ignored) rows for that user.
 */
package org.parley.tagwatch;
