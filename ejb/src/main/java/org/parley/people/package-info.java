/** The users directory ({@code /users}): people by reputation, newcomers, voters and editors over a period. */
package org.parley.people;
