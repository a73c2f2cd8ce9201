/**
 * Message-driven consumers of post-related work: question views, and the changes other servers publish on the events
 * topic. Each parses a message and delegates to a service.
 */
package org.parley.post.jms;
