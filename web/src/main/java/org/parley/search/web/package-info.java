/**
 * Search in the browser: the search index's status and rebuild on the admin sites page, and the question page's
 * related-questions sidebar.
 */
package org.parley.search.web;
