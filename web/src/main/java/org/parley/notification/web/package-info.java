/** The notification pages: the top bar's counter and live socket, and the notifications inbox ({@code /notifications}). */
package org.parley.notification.web;
