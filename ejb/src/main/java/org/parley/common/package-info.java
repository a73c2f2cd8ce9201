/**
 * Small building blocks every feature shares: paging of result lists, URL slugs, shared column sizes, who a call is
 * made for ({@link org.parley.common.Actor}, {@link org.parley.common.Role}) and this server's name in the cluster.
 */
package org.parley.common;
