/** The health endpoint that scripts and load balancers poll. */
package org.parley.health.web;
