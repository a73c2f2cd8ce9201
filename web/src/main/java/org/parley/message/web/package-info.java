/** The private-message pages (inbox, sent, compose, conversation), the admin dead-letter page and the top-bar badge. */
package org.parley.message.web;
