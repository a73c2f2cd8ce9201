/*
 * Live private messages for a logged-in page: keeps the top bar's "Messages (N unread)" (and the inbox tab's count)
 * current and reloads the page's live message list when the user's messages change: the inbox's conversations, the
 * sent folder's states, or the open conversation (new messages, "sending…" becoming "delivered").
 *
 * Changes arrive through notifications.js: a push {type: "mailbox", conversation, unread (-1: unchanged), stamp} on
 * the Faces push socket, or, without a socket, the "messages" part ({unread, stamp}) of each long-poll answer. The
 * stamp changes with every change of the user's messages; the page was rendered with one
 * (#topbar-messages[data-stamp]), so a poll that brings another means something changed. A page with a live list marks it [data-live-messages] and names the
 * function that reloads it (a p:remoteCommand) in data-refresh; a conversation page names its conversation in
 * data-conversation and reloads only while visible, since reloading it reads the new messages.
 */
window.ParleyMessages = (function () {
  'use strict';

  var link = document.getElementById('topbar-messages');
  if (!link) {
    return { changed: function () {}, stamp: function () { return null; }, refreshed: function () {} };
  }
  var stamp = link.getAttribute('data-stamp') || null;
  var busy = false;      // a reload is running
  var again = false;     // another change came in while it ran
  var waiting = false;   // a conversation page changed while hidden

  function setUnread(n) {
    if (typeof n !== 'number' || n < 0) {
      return;
    }
    link.setAttribute('data-unread', String(n));
    var label = document.getElementById('topbar-unread');
    if (label) {
      label.textContent = ' (' + n + ' unread)';
      label.classList.toggle('none', n === 0);
    }
    var count = document.getElementById('topbar-messages-count');
    if (count) {
      count.textContent = String(n);
    }
    link.classList.toggle('has-unread', n > 0);
    var tab = document.getElementById('inbox-tab-unread');
    if (tab) {
      tab.textContent = n > 0 ? ' (' + n + ' unread)' : '';
    }
  }

  function region() {
    return document.querySelector('[data-live-messages]');
  }

  function reload() {
    var live = region();
    if (!live) {
      return;
    }
    if (live.hasAttribute('data-conversation') && document.visibilityState === 'hidden') {
      waiting = true;
      return;
    }
    if (busy) {
      again = true;
      return;
    }
    var fn = window[live.getAttribute('data-refresh')];
    if (typeof fn === 'function') {
      busy = true;
      live.setAttribute('aria-busy', 'true');
      fn();
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && waiting) {
      waiting = false;
      reload();
    }
  });

  return {
    /** A change of the user's messages: {conversation (absent from a poll), unread, stamp}. */
    changed: function (m) {
      if (!m || (m.stamp && m.stamp === stamp)) {
        return; // nothing new (a poll answering with the stamp this page has)
      }
      if (m.stamp) {
        stamp = m.stamp;
        link.setAttribute('data-stamp', stamp);
      }
      setUnread(m.unread);
      var live = region();
      var only = live && live.getAttribute('data-conversation');
      if (!only || !m.conversation || String(m.conversation) === only) {
        reload();
      }
      // The recent-messages widget lists what was received: only an inbox change (it carries the count) touches it.
      if (typeof m.unread === 'number' && m.unread >= 0 && window.ParleyNotifications
          && window.ParleyNotifications.refreshRecent) {
        window.ParleyNotifications.refreshRecent();
      }
    },
    /** The stamp this page knows, for the long-poll. */
    stamp: function () {
      return stamp;
    },
    /** The reload finished (the remote command's oncomplete); one more if changes came in meanwhile. */
    refreshed: function () {
      busy = false;
      var live = region();
      if (live) {
        live.removeAttribute('aria-busy');
        live.setAttribute('data-refreshed', String(Date.now()));
      }
      if (again) {
        again = false;
        reload();
      }
    }
  };
}());

/*
 * A private message's images from other servers come as buttons (org.parley.message.RemoteImages), so that opening a
 * message tells its sender nothing: pressing one loads that image in its place, through Parley's image proxy
 * (/img/proxy, the only image source the page's policy allows besides this site), with no referrer. One listener for
 * the page, since the conversation is reloaded in place.
 */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button.remote-image');
    if (!button) {
      return;
    }
    var src = button.getAttribute('data-src') || '';
    if (src.indexOf('/img/proxy?') !== 0) {
      return;
    }
    var img = document.createElement('img');
    img.src = src;
    img.alt = button.getAttribute('data-alt') || '';
    img.referrerPolicy = 'no-referrer';
    img.className = 'remote-image-loaded';
    button.replaceWith(img);
  });
}());
