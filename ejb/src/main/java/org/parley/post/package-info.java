/**
 * Questions, answers, comments and votes: asking, answering, editing, voting, accepting and the reputation those
 * earn, with the read models (summaries and details) the web layer renders; the question page's cache and view
 * counting; a user's profile with their posts; and the change events ({@link org.parley.post.PostChanged}) that carry
 * news upward and, through {@link org.parley.post.ClusterEvents}, to the other servers.
 */
package org.parley.post;
