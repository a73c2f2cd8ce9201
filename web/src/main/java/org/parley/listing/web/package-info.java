/**
 * The question and tag lists: home, all questions, questions by tag expression, the tags page, the hot-questions
 * sidebar and tag auto-completion, all answered by the tag engine.
 */
package org.parley.listing.web;
