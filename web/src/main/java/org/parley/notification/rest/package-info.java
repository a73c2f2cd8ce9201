/** The notifications API: what is newer than a number, answered at once or held as a long-poll. */
package org.parley.notification.rest;
