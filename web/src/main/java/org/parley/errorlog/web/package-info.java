/**
 * The exception log's web side: the capture points of pages and REST calls (a servlet filter, and a Faces exception
 * handler for ajax requests, whose errors never reach the filter) and {@code /admin/errors}.
 */
package org.parley.errorlog.web;
