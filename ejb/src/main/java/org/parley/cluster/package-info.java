/**
 * Tells the other servers what this one committed. Each committed {@link org.parley.post.PostChanged} is observed here
 * on the writing server and published to a JMS topic; every other server receives it and fires a {@link
 * RemotePostChanged} CDI event for its caches and tag engine. Local observers keep observing {@code PostChanged}.
 *
 * <p>In an EAR, CDI delivers an event only to observers the firing module can see: events fired here reach observers
 * in the EJB module, never the WAR's (nor the EAR libraries', which cannot see the event types). Web-side listeners
 * (pushes to browsers) therefore take their events from a topic consumer of their own in the WAR.
 */
package org.parley.cluster;
