/** The message-driven consumer of private-message delivery jobs: parses a job and delegates to the delivery service. */
package org.parley.message.jms;
