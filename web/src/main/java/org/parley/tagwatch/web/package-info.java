/** The viewer's watched and ignored tags on list pages and tag pages. */
package org.parley.tagwatch.web;
