/**
 * Live notifications on this server: the notifications topic's consumer, Faces push to the user's sockets here, and
 * the long-polls waiting here. Every server consumes the topic, so a push reaches the user whichever server holds the
 * socket. The topic also carries changes of the user's private messages ({@code type=mailbox}), sent the same way.
 */
package org.parley.notification.push;
