/**
 * Differences between two versions of a text or a list (a post's body, title or tags), as runs of kept, added and
 * removed pieces; knows no feature, so revision pages and moderation views can both render them.
 */
package org.parley.diff;
