/*
 * A live question page, for anonymous and logged-in readers alike: a new answer shows a "1 new answer — click to
 * load" bar (a button, announced in #live-question-status), and scores, the accepted mark, comments and edits change
 * in place.
 *
 * The socket /push/questions/{number} (QuestionWatchEndpoint; no session, no log-in) says only what changed
 * ({"kind":"ANSWERED","post":123,"v":...}); the page then fetches the question page itself without cookies, which
 * the anonymous output cache answers (a 304 when nothing changed), and takes the changed parts from it. Nothing is
 * rendered per reader. When the socket cannot open, or drops, the page long-polls
 * GET /api/questions/{number}/live?since=V&wait=25 and opens the socket again after 1, 2, 4 … 60 s.
 * A logged-in reader's new answers are fetched with their cookies on click (their own vote and accept buttons) and
 * the buttons' scripts are run with this page's nonce.
 * localStorage "parley.live" = "off" skips the socket (tests, and browsers behind proxies that break WebSockets).
 */
(function () {
  'use strict';

  var nonce = (document.currentScript && document.currentScript.nonce) || '';
  var root = document.getElementById('live-question');
  if (!root || !window.fetch || !window.DOMParser) {
    return;
  }
  var question = root.getAttribute('data-question');
  var base = root.getAttribute('data-base') || '';
  var canonical = document.querySelector('link[rel="canonical"]');
  var pageUrl = canonical ? canonical.href : location.pathname;
  var loggedIn = !!document.getElementById('topbar-user');
  var lastVersion = 0;
  var socket = null;
  var socketUp = false;
  var polling = null;
  var stopped = false;
  var retryMs = 1000;
  var reconnected = false; // the first socket or poll follows the page's own load: nothing to catch up
  var refreshTimer = null;
  var followUp = null;
  var edited = {}; // post number → until when (ms) its text is taken from the cached page: it was edited
  var fresh = []; // new answers' numbers, in the order the page lists them, not yet loaded

  function setMode(mode) {
    var el = document.getElementById('live-question') || root;
    el.setAttribute('data-mode', mode);
  }

  function announce(text) {
    var status = document.getElementById('live-question-status');
    if (status) {
      status.textContent = text;
    }
  }

  // -- what the page shows

  function answersPanel() {
    return document.getElementById('answers');
  }

  function showBar() {
    var bar = document.getElementById('new-answers-bar');
    if (!bar) {
      return;
    }
    fresh = fresh.filter(function (n) { return !document.getElementById('answer-' + n); });
    if (fresh.length === 0) {
      bar.hidden = true;
      return;
    }
    var text = fresh.length === 1 ? '1 new answer' : fresh.length + ' new answers';
    var before = bar.hidden ? '' : bar.getAttribute('data-count');
    bar.textContent = text + ' — click to load';
    bar.setAttribute('data-count', String(fresh.length));
    bar.setAttribute('data-shown-at', String(Date.now()));
    bar.hidden = false;
    if (before !== String(fresh.length)) {
      announce(text + ' to this question. Press the button above the answers to load ' +
        (fresh.length === 1 ? 'it' : 'them') + '.');
    }
  }

  function text(el) {
    return el ? el.textContent : null;
  }

  function syncScore(mine, theirs) {
    var a = mine.querySelector('.vote-col .votes .score');
    var b = theirs.querySelector('.vote-col .votes .score');
    if (a && b && a.textContent !== b.textContent) {
      a.textContent = b.textContent;
      a.classList.remove('is-changed');
      void a.offsetWidth; // restart the highlight
      a.classList.add('is-changed');
    }
  }

  function syncAccepted(mine, theirs) {
    var accepted = theirs.classList.contains('is-accepted');
    if (mine.classList.contains('is-accepted') === accepted) {
      return;
    }
    mine.classList.toggle('is-accepted', accepted);
    if (mine.classList.contains('answer')) {
      mine.setAttribute('aria-label', accepted ? 'Accepted answer' : 'Answer');
    }
    var col = mine.querySelector('.accept-col');
    if (!col) {
      return;
    }
    var mark = col.querySelector('.accepted');
    if (accepted && !mark) {
      mark = document.createElement('span');
      mark.className = 'accepted';
      mark.title = 'The asker accepted this answer';
      mark.textContent = '✓ Accepted';
      col.appendChild(mark);
    } else if (!accepted && mark) {
      mark.remove();
    }
    var button = col.querySelector('.accept');
    if (button) {
      button.classList.toggle('is-on', accepted);
      button.setAttribute('aria-pressed', accepted ? 'true' : 'false');
    }
  }

  function syncText(mine, theirs, number) {
    if (!(edited[number] > Date.now())) {
      delete edited[number];
      return;
    }
    // Only while an edit is fresh (a later fetch may be the first to see it): reading.js's highlighting of an
    // unchanged text is left alone.
    var a = mine.querySelector('.post-text');
    var b = theirs.querySelector('.post-text');
    if (a && b && a.innerHTML !== b.innerHTML) {
      a.innerHTML = b.innerHTML;
    }
    if (mine.classList.contains('question')) {
      var title = document.querySelector('.question-head h1');
      var theirTitle = theirs.ownerDocument.querySelector('.question-head h1');
      if (title && theirTitle && title.textContent !== theirTitle.textContent) {
        title.textContent = theirTitle.textContent;
      }
      var tags = mine.querySelector('.post-tags');
      var theirTags = theirs.querySelector('.post-tags');
      if (tags && theirTags) {
        tags.innerHTML = theirTags.innerHTML;
      }
    }
  }

  var viewerHref = loggedIn ? document.getElementById('topbar-user').getAttribute('href') : null;

  /**
   * A comment taken from the anonymous page, as this reader's own page would show it: a logged-in reader gets the
   * "flag" link on others' comments (the same link includes/comments.xhtml renders).
   */
  function forReader(li, post) {
    if (!loggedIn || li.querySelector('.comment-flag')) {
      return;
    }
    var user = li.querySelector('a.comment-user');
    if (user && user.getAttribute('href') === viewerHref) {
      return;
    }
    var flag = document.createElement('a');
    flag.className = 'comment-flag';
    flag.href = base + '/posts/' + post + '/flag?comment=' + encodeURIComponent(li.id.replace(/^comment-/, ''));
    flag.setAttribute('aria-label', 'Flag this comment');
    flag.textContent = 'flag';
    li.appendChild(document.createTextNode(' '));
    li.appendChild(flag);
  }

  /** New comments go in where the cached page has them; removed ones go; the others stay as they are. */
  function syncComments(mine, theirs, post) {
    var block = mine.querySelector('.comments-block');
    var theirList = theirs.querySelector('.comments-block ul.comments');
    if (!block) {
      return;
    }
    var list = block.querySelector('ul.comments');
    if (!theirList) {
      if (list) {
        list.remove();
      }
      return;
    }
    if (!list) {
      list = document.importNode(theirList, false);
      block.insertBefore(list, block.firstChild);
    }
    var keep = {};
    var previous = null;
    Array.prototype.forEach.call(theirList.querySelectorAll('li.comment'), function (theirs) {
      keep[theirs.id] = true;
      var li = document.getElementById(theirs.id);
      if (!li || !list.contains(li)) {
        li = document.importNode(theirs, true);
        li.classList.add('is-new');
        forReader(li, post);
        list.insertBefore(li, previous ? previous.nextSibling : list.firstChild);
      }
      previous = li;
    });
    Array.prototype.forEach.call(list.querySelectorAll('li.comment'), function (li) {
      if (!keep[li.id]) {
        li.remove();
      }
    });
  }

  /**
   * An answer the cached page no longer has was deleted: it stays where the reader may be reading it, marked as
   * deleted (as a moderator's page shows deleted answers), and the status says so once.
   */
  function markRemoved(doc) {
    Array.prototype.forEach.call(document.querySelectorAll('article.post.answer[data-post]'), function (mine) {
      if (mine.classList.contains('is-deleted') || doc.getElementById(mine.id)) {
        return;
      }
      mine.classList.add('is-deleted', 'is-removed');
      var note = document.createElement('p');
      note.className = 'removed-note';
      note.textContent = 'This answer was deleted.';
      mine.insertBefore(note, mine.firstChild);
      var status = document.getElementById('live-question-status');
      if (status) {
        status.textContent = 'An answer was deleted.';
      }
    });
  }

  /** Brings what the page shows up to the cached page {@code doc}; returns the numbers of its answers not shown here. */
  function apply(doc) {
    markRemoved(doc);
    var missing = [];
    Array.prototype.forEach.call(doc.querySelectorAll('article.post[data-post]'), function (theirs) {
      var number = theirs.getAttribute('data-post');
      var mine = document.getElementById(theirs.id);
      if (!mine) {
        if (theirs.classList.contains('answer')) {
          missing.push(number);
        }
        return;
      }
      syncScore(mine, theirs);
      syncAccepted(mine, theirs);
      syncText(mine, theirs, number);
      syncComments(mine, theirs, number);
    });
    return missing;
  }

  function fetchPage(withCookies) {
    return fetch(pageUrl, {
      credentials: withCookies ? 'same-origin' : 'omit',
      cache: withCookies ? 'no-store' : 'no-cache', // no-cache: revalidated, mostly a 304
      headers: { 'Accept': 'text/html' }
    }).then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.text();
    }).then(function (html) {
      return new DOMParser().parseFromString(html, 'text/html');
    });
  }

  function refresh() {
    refreshTimer = null;
    fetchPage(false).then(function (doc) {
      var missing = apply(doc);
      missing.forEach(function (n) {
        if (fresh.indexOf(n) < 0) {
          fresh.push(n); // an undeleted answer, or one whose signal this page missed
        }
      });
      showBar();
      root.setAttribute('data-refreshed', String(Date.now()));
    }).catch(function () {
      schedule(2000);
    });
  }

  /**
   * Changes come in bursts (a vote, its reputation, an edit and its comment): one fetch for a burst, and one more a
   * little later in case the burst's cache invalidation had not reached the cached page yet (a revalidation: 304).
   */
  function schedule(ms, follow) {
    if (follow) {
      if (followUp) {
        clearTimeout(followUp);
      }
      followUp = setTimeout(function () {
        followUp = null;
        schedule(0, false);
      }, ms + 1500);
    }
    if (!refreshTimer) {
      refreshTimer = setTimeout(refresh, ms);
    }
  }

  function changed(change) {
    if (!change || typeof change.kind !== 'string') {
      return;
    }
    if (typeof change.v === 'number' && change.v > lastVersion) {
      lastVersion = change.v;
    }
    if (change.kind === 'ANSWERED' && !document.getElementById('answer-' + change.post)) {
      // A new answer is public at once: the bar needs no fetch (the click fetches it).
      if (fresh.indexOf(String(change.post)) < 0) {
        fresh.push(String(change.post));
      }
      showBar();
    }
    if (change.kind === 'EDITED') {
      edited[String(change.post)] = Date.now() + 5000;
    }
    schedule(60, true);
  }

  function changes(answer) {
    if (!answer) {
      return;
    }
    if (answer.reset) {
      // This server cannot list all that happened: refresh everything, texts included.
      document.querySelectorAll('article.post[data-post]').forEach(function (a) {
        edited[a.getAttribute('data-post')] = Date.now() + 5000;
      });
      schedule(0);
    }
    (answer.changes || []).forEach(changed);
    if (answer.version > lastVersion) {
      lastVersion = answer.version;
    }
  }

  // -- loading new answers (the bar)

  function runScripts(node) {
    node.querySelectorAll('script').forEach(function (old) {
      var s = document.createElement('script');
      if (nonce) {
        s.nonce = nonce;
      }
      s.textContent = old.textContent;
      old.replaceWith(s);
    });
  }

  /**
   * Loads the new answers the bar counts. The cached page may not hold one yet (its signal can come before the
   * write's cache invalidation): then it is asked again, a few times.
   */
  function load(attempt) {
    attempt = attempt || 0;
    var wanted = fresh.slice();
    if (wanted.length === 0) {
      return;
    }
    var bar = document.getElementById('new-answers-bar');
    bar.disabled = true;
    fetchPage(loggedIn).then(function (doc) {
      var found = doc.querySelectorAll('#answers > article.answer[data-post]');
      var there = Array.prototype.map.call(found, function (a) { return a.getAttribute('data-post'); });
      var absent = wanted.filter(function (n) { return there.indexOf(n) < 0; });
      if (absent.length > 0 && attempt < 5) {
        setTimeout(function () { load(attempt + 1); }, 300);
        return;
      }
      if (absent.length > 0) {
        fresh = fresh.filter(function (n) { return absent.indexOf(n) < 0; }); // deleted again meanwhile
      }
      var panel = answersPanel();
      var first = null;
      var loaded = 0;
      Array.prototype.forEach.call(doc.querySelectorAll('#answers > article.answer[data-post]'), function (theirs) {
        if (wanted.indexOf(theirs.getAttribute('data-post')) < 0 || document.getElementById(theirs.id)) {
          return;
        }
        var node = document.importNode(theirs, true);
        node.classList.add('is-new');
        node.setAttribute('tabindex', '-1');
        panel.appendChild(node);
        runScripts(node);
        first = first || node;
        loaded++;
      });
      var heading = panel.querySelector('.answers-head h2');
      var theirHeading = doc.querySelector('#answers .answers-head h2');
      if (heading && theirHeading) {
        heading.textContent = theirHeading.textContent;
      }
      fresh = fresh.filter(function (n) { return wanted.indexOf(n) < 0; });
      var current = document.getElementById('new-answers-bar');
      current.disabled = false;
      showBar();
      if (first) {
        announce(loaded === 1 ? 'Loaded 1 new answer.' : 'Loaded ' + loaded + ' new answers.');
        first.focus({ preventScroll: true });
        first.scrollIntoView({ block: 'start', behavior: 'smooth' });
      }
    }).catch(function () {
      document.getElementById('new-answers-bar').disabled = false;
    });
  }

  document.addEventListener('click', function (event) {
    var bar = event.target.closest && event.target.closest('#new-answers-bar');
    if (bar) {
      event.preventDefault();
      load(0);
    }
  });

  // -- the socket and the long-poll

  function poll() {
    if (socketUp || polling || stopped) {
      return;
    }
    setMode('poll');
    var controller = window.AbortController ? new AbortController() : null;
    polling = controller || {};
    fetch(base + '/api/questions/' + question + '/live?since=' + lastVersion + '&wait=25', {
      credentials: 'omit',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    }).then(function (r) {
      if (r.status === 429 || r.status >= 500) {
        var after = parseInt(r.headers.get('Retry-After'), 10) || 5;
        return new Promise(function (resolve) { setTimeout(resolve, after * 1000); });
      }
      if (r.status === 404) {
        stopped = true; // deleted meanwhile
        return null;
      }
      return r.ok ? r.json().then(function (answer) {
        var first = lastVersion === 0;
        changes(answer);
        if (first && reconnected) {
          schedule(0); // what changed while the socket was down
        }
      }) : null;
    }).catch(function () {
      return new Promise(function (resolve) { setTimeout(resolve, 5000); });
    }).then(function () {
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

  function connect() {
    if (stopped) {
      return;
    }
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + base + '/push/questions/' + question;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      poll();
      return;
    }
    socket.onopen = function () {
      retryMs = 1000;
      socketUp = true;
      setMode('socket');
      stopPolling();
      if (reconnected) {
        schedule(0); // whatever changed while the socket was down
      }
      reconnected = true;
    };
    socket.onmessage = function (event) {
      try {
        changed(JSON.parse(event.data));
      } catch (e) { /* not ours */ }
    };
    socket.onclose = function () {
      socket = null;
      socketUp = false;
      reconnected = true;
      if (stopped) {
        return;
      }
      poll();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 60000);
    };
  }

  function start() {
    var off = false;
    try {
      off = window.localStorage && window.localStorage.getItem('parley.live') === 'off';
    } catch (e) { /* storage blocked: use the socket */ }
    if (!off && window.WebSocket) {
      setMode('connecting');
      connect();
      setTimeout(function () {
        if (!socketUp) {
          poll(); // a socket that neither opens nor fails soon (a proxy holding the upgrade) is not waited for
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

  start();
}());
