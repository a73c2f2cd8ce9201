/** Search in the browser: the search index's status and rebuild on the admin sites page. */
package org.parley.search.web;
