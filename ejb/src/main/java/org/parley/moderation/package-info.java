/**
 * The community keeping its house: votes to close and reopen questions (with Stack Overflow's reasons and duplicate
 * targets), deleting and undeleting posts (by their authors, by votes of users with the privilege, by moderators at
 * once), and what a question page shows of it (the closed banner). Every action is checked here, on the server, against
 * the site's privilege ladder; history rows, caches, the tag engine and search follow the events it fires.
 */
package org.parley.moderation;
