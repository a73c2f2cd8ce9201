/**
 * The image proxy ({@code /img/proxy}): fetches an image that a post or message shows from another server, on the
 * reader's behalf and without anything of theirs, checks what it got, and keeps it in a bounded cache.
 */
package org.parley.image.web;
