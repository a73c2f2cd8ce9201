/** The badges pages: {@code /badges} (every badge) and {@code /badges/{id}} (who earned one), and profiles' counts. */
package org.parley.badge.web;
