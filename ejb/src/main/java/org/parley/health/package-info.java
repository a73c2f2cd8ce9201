/** Whether this server can do its work: database and message broker reachable. */
package org.parley.health;
