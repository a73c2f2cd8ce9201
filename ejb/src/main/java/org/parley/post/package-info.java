/**
 * Questions, answers, comments and votes: asking, answering, editing, voting, accepting and the reputation those
 * earn, with the read models (summaries and details) the web layer renders.
 */
package org.parley.post;
