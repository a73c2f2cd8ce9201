/** Watching and ignoring tags from the JSON API: the /tags page's card buttons ({@code PUT /api/tags/{name}/mark}). */
package org.parley.tagwatch.rest;
