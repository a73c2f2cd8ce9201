/** Names of Parley's JMS destinations, shared by the services that send and the MDBs that consume. */
package org.parley.messaging;
