/**
 * The private-message API under {@code /api/messages}: sending (202, the job delivers), the pre-rendered
 * recent-messages widget and the sender's outbox counts. Callers are the logged-in session or HTTP Basic.
 */
package org.parley.message.rest;
