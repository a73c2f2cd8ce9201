/**
 * The search pages: the results page ({@code /search?q=...&tab=...&page=N}) with its tabs, notes and help, and what the
 * top bar's search box does with a bare {@code [tag]} or number. The box itself is in the layout.
 */
package org.parley.search.web;
