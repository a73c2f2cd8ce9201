/**
 * Live question pages: every server's watchers of a question (sockets and long-polls, anonymous or not, no session),
 * fed by the cluster's events topic, told only what changed (a post number and a kind) so that the browser fetches the
 * changed parts from the output-cached page itself; nothing is rendered per watcher.
 */
package org.parley.post.live;
