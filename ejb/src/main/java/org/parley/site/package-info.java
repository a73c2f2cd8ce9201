/**
 * Sites (tenants): each Host name is its own Q&amp;A site with its own users, posts and tags, and hands out the
 * per-site public numbers of users and posts.
 */
package org.parley.site;
