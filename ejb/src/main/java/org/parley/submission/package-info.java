/**
 * Writes that happen once per submission, however often the submission arrives. A browser gives each form post and
 * ajax action a key of its own (parley.js), an API client may send an {@code Idempotency-Key}; the load balancer
 * replays a write on another server when the first died before answering. A service method that writes takes {@link
 * OncePerSubmission}: in the write's own transaction it records the key with what the method returned, and a replay
 * of the same key gets that answer back instead of writing twice.
 */
package org.parley.submission;
