/**
 * The question pages: home, the question lists (all, by tag), a question with its answers and comments, asking and
 * editing. Votes, accepts, comments and answers are ajax posts through the page's form.
 */
package org.parley.post.web;
