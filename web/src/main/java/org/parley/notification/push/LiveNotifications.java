package org.parley.notification.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

/**
 * Tells this server's browsers about a notification change: through Faces push to every socket the user has open
 * here ({@code <f:websocket channel="notifications" user="#{userId}">} in the layout), and by answering the user's
 * long-polls waiting here.
 */
@ApplicationScoped
public class LiveNotifications {

  /** The Faces push channel the layout's socket listens on. */
  public static final String CHANNEL = "notifications";

  @Inject
  @Push(channel = CHANNEL)
  private PushContext sockets;

  @Inject private LongPolls polls;

  public void deliver(Signal signal) {
    sockets.send(signal.payload(), signal.userId());
    polls.wake(signal.userId());
  }
}
