/*
 * Live notifications for a logged-in page: keeps the top bar's counter current and, on a new message, refreshes the
 * recent-messages widget (#parley-recent-messages) from its pre-rendered HTML.
 *
 * Normally the push socket /push/notifications (PushEndpoint) brings each change. When the socket cannot open, or
 * drops and is reconnecting, the page long-polls GET /api/notifications?since=SEQ&wait=40 instead. Every change
 * carries the user's notification number (seq); whenever the socket (re)opens the page asks for everything after the
 * last number it saw, so nothing is missed across reconnects or a move to another server.
 * localStorage "parley.push" = "off" skips the socket (tests, and browsers behind proxies that break WebSockets).
 */
window.ParleyNotifications = (function () {
  'use strict';

  var badge = document.getElementById('notification-badge');
  if (!badge) {
    return {
      opened: function () {}, pushed: function () {}, closed: function () {}, failed: function () {},
      refreshRecent: function () {}
    };
  }
  var base = badge.getAttribute('href').replace(/\/notifications$/, '');
  var count = document.getElementById('notification-count');
  var live = document.getElementById('notification-live');
  var lastSeq = parseInt(badge.getAttribute('data-seq'), 10) || 0;
  var socketUp = false;
  var polling = null; // the AbortController of the running long-poll
  var stopped = false;
  var socket = null;
  var retryMs = 1000; // the wait before the socket is opened again after it dropped, doubled up to a minute

  function setMode(mode) {
    badge.setAttribute('data-mode', mode);
  }

  function setUnread(n) {
    var before = parseInt(badge.getAttribute('data-unread'), 10) || 0;
    badge.setAttribute('data-unread', String(n));
    badge.setAttribute('data-seq', String(lastSeq));
    count.textContent = String(n);
    badge.classList.toggle('has-unread', n > 0);
    badge.setAttribute('aria-label', 'Notifications: ' + n + ' unread');
    if (n > before) {
      badge.classList.remove('is-bumped');
      void badge.offsetWidth; // restart the animation
      badge.classList.add('is-bumped');
    }
  }

  function announce(text) {
    if (live && text) {
      live.textContent = text;
    }
  }

  function refreshRecent() {
    var widget = document.getElementById('parley-recent-messages');
    if (!widget) {
      return;
    }
    fetch(base + '/api/messages/recent', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        var type = r.headers.get('Content-Type') || '';
        return type.indexOf('json') >= 0 ? r.json().then(function (j) { return j.html; }) : r.text();
      })
      .then(function (html) {
        if (typeof html === 'string') {
          widget.innerHTML = html;
          widget.setAttribute('data-refreshed', String(Date.now()));
        }
      })
      .catch(function () { /* the widget stays as it was; the next message refreshes it */ });
  }

  /** The messages part of a poll answer, {unread, stamp}, goes to messages.js (which ignores a stamp it has). */
  function applyMessages(messages) {
    if (messages && window.ParleyMessages) {
      window.ParleyMessages.changed({ unread: messages.unread, stamp: messages.stamp });
    }
  }

  /** What this page knows, so a long-poll is answered at once when the server knows otherwise. */
  function known() {
    var q = '&unread=' + (parseInt(badge.getAttribute('data-unread'), 10) || 0);
    var stamp = window.ParleyMessages && window.ParleyMessages.stamp();
    return stamp ? q + '&mail=' + encodeURIComponent(stamp) : q;
  }

  /**
   * A batch from the API: {state: {seq, unread}, items: [{seq, kind, text, link, ...}], messages: {unread, stamp}}.
   */
  function applyBatch(batch) {
    var message = false;
    var text = null;
    (batch.items || []).forEach(function (item) {
      if (item.seq > lastSeq) {
        message = message || item.kind === 'MESSAGE';
        text = item.text;
      }
    });
    if (batch.state.seq >= lastSeq) {
      lastSeq = batch.state.seq;
      setUnread(batch.state.unread);
    }
    announce(text);
    if (message) {
      refreshRecent();
    }
    applyMessages(batch.messages);
  }

  function catchUp() {
    return fetch(base + '/api/notifications?since=' + lastSeq, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (batch) {
        if (batch) {
          applyBatch(batch);
        }
      })
      .catch(function () {});
  }

  function poll() {
    if (socketUp || polling || stopped) {
      return;
    }
    setMode('poll');
    var controller = window.AbortController ? new AbortController() : null;
    polling = controller || {};
    fetch(base + '/api/notifications?since=' + lastSeq + '&wait=40' + known(), {
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    })
      .then(function (r) {
        if (r.status === 429 || r.status >= 500) {
          var after = parseInt(r.headers.get('Retry-After'), 10) || 5;
          return new Promise(function (resolve) { setTimeout(resolve, after * 1000); });
        }
        if (r.status === 401) {
          stopped = true; // logged out elsewhere
          return null;
        }
        return r.ok ? r.json().then(applyBatch) : null;
      })
      .catch(function () {
        return new Promise(function (resolve) { setTimeout(resolve, 5000); });
      })
      .then(function () {
        polling = null;
        poll();
      });
  }

  function stopPolling() {
    if (polling && polling.abort) {
      polling.abort();
    }
    polling = null;
  }

  /** Opens the socket; while it is down the page long-polls, and it is opened again after a growing wait. */
  function connect() {
    if (stopped) {
      return;
    }
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + base + '/push/notifications';
    try {
      socket = new WebSocket(url);
    } catch (e) {
      poll();
      return;
    }
    socket.onopen = function () {
      retryMs = 1000;
      api.opened();
    };
    socket.onmessage = function (event) {
      var message = null;
      try {
        message = JSON.parse(event.data);
      } catch (e) { /* not ours */ }
      api.pushed(message);
    };
    socket.onclose = function (event) {
      socket = null;
      api.closed(event.code);
      if (event.code === 1008) {
        return; // not logged in (any more): the long-poll finds out and stops
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 60000);
    };
  }

  function start() {
    var pushOff = false;
    try {
      pushOff = window.localStorage && window.localStorage.getItem('parley.push') === 'off';
    } catch (e) { /* storage blocked: use the socket */ }
    if (!pushOff && window.WebSocket) {
      setMode('connecting');
      connect();
      // A socket that neither opens nor fails soon (a proxy holding the upgrade) is not waited for.
      setTimeout(function () {
        if (!socketUp) {
          poll();
        }
      }, 5000);
    } else {
      poll();
    }
  }

  window.addEventListener('pagehide', function () {
    stopped = true;
    stopPolling();
    if (socket) {
      socket.close();
    }
  });

  var api = {
    opened: function () {
      socketUp = true;
      setMode('socket');
      stopPolling();
      catchUp();
    },
    pushed: function (message) {
      if (message && message.type === 'mailbox') {
        if (window.ParleyMessages) {
          window.ParleyMessages.changed(message);
        }
        return;
      }
      if (!message || typeof message.seq !== 'number') {
        return;
      }
      if (message.seq > lastSeq + 1) {
        catchUp(); // missed some: fetch them in order
        return;
      }
      if (message.seq >= lastSeq) {
        lastSeq = message.seq;
        setUnread(message.unread);
        announce(message.text);
        if (message.kind === 'MESSAGE') {
          refreshRecent();
        }
      }
    },
    failed: function () {
      // The socket dropped and is opened again later: long-poll meanwhile.
      socketUp = false;
      poll();
    },
    closed: function (code) {
      socketUp = false;
      if (!stopped) {
        poll();
      }
    },
    lastSeq: function () {
      return lastSeq;
    },
    refreshRecent: refreshRecent
  };
  window.ParleyNotifications = api;
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    setTimeout(start, 0);
  }
  return api;
}());
