/** Message-driven consumers of post-related background work; each parses a message and delegates to a service. */
package org.parley.post.jms;
