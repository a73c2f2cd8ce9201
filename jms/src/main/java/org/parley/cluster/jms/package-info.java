/** Receives the changes other servers publish on the events topic. */
package org.parley.cluster.jms;
