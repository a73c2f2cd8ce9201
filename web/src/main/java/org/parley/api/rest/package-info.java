/**
 * The Stack Exchange-compatible API (issue 21) under {@code /api/2.3/} (and {@code /api/2.2/}) on every site's host:
 * the methods, the common wrapper, the built-in filters and the error shape. The reads and the quota are the EJB
 * module's {@code org.parley.api}.
 */
package org.parley.api.rest;
