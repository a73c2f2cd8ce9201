/**
 * The JSON API's common ground under {@code /api}: the JAX-RS application, the error body every resource answers
 * with, and the mapping of rule exceptions to status codes (400, 403, 404, 409).
 */
package org.parley.rest;
