/**
 * Review queues ({@code /review}): first posts, late answers, suggested edits, close votes, reopen votes and
 * low-quality posts. Each queue gathers tasks from what happens on the site (a new user's first post, an edit
 * suggested by a user who cannot edit freely, a close vote, a very-low-quality flag), users with the queue's privilege
 * review them one at a time (or skip), and a task completes after the queue's number of reviews, or when a moderator
 * decides it, or when what it asked about happened anyway. Suggested edits live here too: they exist to be reviewed.
 */
package org.parley.review;
