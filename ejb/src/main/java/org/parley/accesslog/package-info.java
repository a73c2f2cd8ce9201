/**
 * The access log: one row per request, written by each node to a local H2 file of its own ({@link LocalAccessStore})
 * off the request thread, shipped to the main database's {@code access_log} when the node is quiet ({@link
 * AccessLog}, {@link AccessLogShipper}) and rolled up into hourly and daily statistics per site and route ({@link
 * AccessRollup}) for {@code /admin/traffic}.
 */
package org.parley.accesslog;
