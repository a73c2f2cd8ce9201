/**
 * The JSON API under {@code /api} that {@code scripts/import.sh} and {@code scripts/export.sh} use: start an import
 * or export of a folder on the server and follow its progress. Every call needs an admin of the site the request is
 * addressed to, by HTTP Basic credentials checked on the server (401 without, 403 for a non-admin); changes are POST
 * only; bad input is 400, unknown ids 404, a second import while one runs 409.
 */
package org.parley.dump.rest;
