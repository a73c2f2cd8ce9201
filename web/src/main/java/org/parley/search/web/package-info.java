/**
 * Search in the browser: the results page ({@code /search?q=...&tab=...&page=N}) with its tabs, notes and help, what
 * the top bar's search box does with a bare {@code [tag]} or number (the box itself is in the layout), the question
 * page's related-questions sidebar, and the search index's status and rebuild on the admin sites page.
 */
package org.parley.search.web;
