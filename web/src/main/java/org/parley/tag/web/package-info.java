/** The tags page: every tag of the site with its question count, most used first, filtered by a typed prefix. */
package org.parley.tag.web;
