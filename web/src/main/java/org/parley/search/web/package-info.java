/** Search on the pages: the question page's related-questions sidebar. */
package org.parley.search.web;
