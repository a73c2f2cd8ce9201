/**
 * The exception log: every unexpected exception of a page, a REST call, an MDB, a timer or a batch step, kept once per
 * distinct error ({@link Fingerprint}) with its count, first and last time, context and latest stack. {@link ErrorLog}
 * coalesces in memory and writes off the failing transaction; {@link ErrorLogService} reads and clears for
 * {@code /admin/errors}.
 */
package org.parley.errorlog;
