/** Badges users earned; imported from a dump's Badges file and shown on profiles. */
package org.parley.badge;
