/**
 * The question page (a question with its answers and comments), asking and editing, and a user's profile with their
 * questions and answers. Votes, accepts, comments and answers are ajax posts through the page's form.
 */
package org.parley.post.web;
