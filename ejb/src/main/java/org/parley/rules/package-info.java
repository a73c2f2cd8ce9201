/**
 * The exceptions a domain rule throws when a request breaks it; each carries a message fit to show the user and
 * rolls the use case's transaction back.
 */
package org.parley.rules;
