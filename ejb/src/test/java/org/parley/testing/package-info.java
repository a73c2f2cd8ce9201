/** Test support: the services wired by hand on Hibernate and an in-memory H2 database, without a server. */
package org.parley.testing;
