/** The users directory page ({@code /users}), avatars (uploaded, imported through the proxy, or identicons). */
package org.parley.people.web;
