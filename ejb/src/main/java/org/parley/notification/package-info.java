/**
 * Notifications: what a user is told (a message, an answer, a comment, votes, an accepted answer), numbered per user
 * so that a browser can ask for everything after the last number it saw, and fanned out to every server on commit.
 */
package org.parley.notification;
