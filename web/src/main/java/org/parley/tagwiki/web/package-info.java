/** A tag's info page (its excerpt and wiki) and the form that edits them. */
package org.parley.tagwiki.web;
