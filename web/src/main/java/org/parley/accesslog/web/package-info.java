/**
 * The access log's front: a filter that turns each request into one {@link org.parley.accesslog.AccessRecord} under
 * its route ({@link AccessRoute}), and {@code /admin/traffic}.
 */
package org.parley.accesslog.web;
