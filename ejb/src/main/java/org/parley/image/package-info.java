/**
 * Remote images through Parley's own image proxy: the signed {@code /img/proxy} address that stands for an image of
 * another server in rendered posts and messages, so that a reader's browser never asks that server itself.
 */
package org.parley.image;
