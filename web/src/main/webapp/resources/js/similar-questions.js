/*
 * Similar questions while asking (the ask page): as the title is typed, up to five likely duplicates appear under it,
 * from GET /api/questions/similar. Each lookup waits until typing pauses for 300 ms, and only a title of at least
 * data-min-words words and data-min-characters characters is looked up (the server refuses shorter ones with the same
 * rule). A newer lookup cancels the one in flight, so an old answer never replaces a newer one. The count is announced
 * politely (role=status); the list is plain links, reachable with Tab, each opening in a new tab so the draft stays.
 * While a lookup is pending (typing paused or the answer on its way) the box is aria-busy, so assistive technology and
 * tests know the list may still change. Without this script the page works as before, just without suggestions.
 *
 * The close page uses the same list to pick a duplicate's original: with data-pick-into on the box, each question gets
 * a "Use as original" button that puts its number into that field (buttons with data-pick do the same for questions
 * the server listed), and the status says which question was picked.
 */
(function () {
  'use strict';

  var DELAY_MS = 300;
  var WORD = /[\p{L}\p{N}]+(?:['\u2019]\p{L}+)?/gu;

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function wordCount(text) {
    var m = text.match(WORD);
    return m ? m.length : 0;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function pickButton(number, title, into) {
    var b = el('button', 'link-button pick-original', 'Use as original');
    b.type = 'button';
    b.setAttribute('data-pick', String(number));
    b.setAttribute('data-pick-into', into);
    b.setAttribute('aria-label', 'Use “' + title + '” as the original');
    return b;
  }

  function item(q, pickInto) {
    var li = el('li', 'similar-item');
    li.setAttribute('data-post', q.number);
    var score = el('span', 'similar-score' + (q.accepted ? ' has-accepted' : ''), String(q.score));
    score.title = 'score';
    var body = el('span', 'similar-body');
    var a = el('a', null, q.title);
    a.href = q.url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.appendChild(el('span', 'visually-hidden', ' (opens in a new tab)'));
    var meta = el(
      'span',
      'similar-meta',
      plural(q.score, 'vote', 'votes') + ' · ' + plural(q.answers, 'answer', 'answers') +
        (q.accepted ? ', one accepted' : '') + (q.closed ? ' · closed' : '')
    );
    body.appendChild(a);
    body.appendChild(meta);
    li.appendChild(score);
    li.appendChild(body);
    if (pickInto) {
      li.appendChild(pickButton(q.number, q.title, pickInto));
    }
    return li;
  }

  function init(box) {
    var input = document.getElementById(box.getAttribute('data-similar-for'));
    if (!input || !window.fetch) {
      return;
    }
    var url = box.getAttribute('data-url');
    var minWords = parseInt(box.getAttribute('data-min-words'), 10) || 3;
    var minChars = parseInt(box.getAttribute('data-min-characters'), 10) || 15;
    var status = box.querySelector('.similar-status');
    var list = box.querySelector('.similar-list');
    var timer = null;
    var inFlight = null;
    var shown = null; // the title whose answer is on the page

    function busy(on) {
      if (on) {
        box.setAttribute('aria-busy', 'true');
      } else {
        box.removeAttribute('aria-busy');
      }
    }

    function clear() {
      list.textContent = '';
      list.hidden = true;
      status.textContent = '';
      box.classList.remove('has-results');
      shown = null;
    }

    function show(title, questions) {
      list.textContent = '';
      var exclude = box.getAttribute('data-exclude');
      questions = questions.filter(function (q) {
        return String(q.number) !== exclude; // the close page: not the question being closed
      });
      questions.forEach(function (q) {
        list.appendChild(item(q, box.getAttribute('data-pick-into')));
      });
      list.hidden = questions.length === 0;
      box.classList.toggle('has-results', questions.length > 0);
      status.textContent = questions.length === 0
        ? ''
        : plural(questions.length, 'similar question', 'similar questions') +
          ' — one may already answer yours:';
      shown = title;
    }

    function lookUp() {
      var title = input.value.trim();
      if (title.length < minChars || wordCount(title) < minWords) {
        if (inFlight) {
          inFlight.abort();
          inFlight = null;
        }
        clear();
        busy(false);
        return;
      }
      if (title === shown) {
        busy(false);
        return;
      }
      if (inFlight) {
        inFlight.abort();
      }
      var controller = window.AbortController ? new AbortController() : null;
      inFlight = controller;
      fetch(url + '?title=' + encodeURIComponent(title), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (inFlight !== controller) {
            return; // a newer lookup owns the list
          }
          inFlight = null;
          if (answer && input.value.trim() === title) {
            show(title, answer.questions || []);
          }
          if (timer === null) {
            busy(false);
          }
        })
        .catch(function () {
          // Aborted by a newer lookup, or the network failed: the suggestions are a help, the form works without.
          if (inFlight === controller) {
            inFlight = null;
            busy(false);
          }
        });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      busy(true);
      timer = setTimeout(function () {
        timer = null;
        lookUp();
      }, DELAY_MS);
    });
    if (input.value.trim()) {
      lookUp(); // a title kept after a failed submit
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-similar-for]'), init);
    document.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('[data-pick]') : null;
      if (!button) {
        return;
      }
      var field = document.getElementById(button.getAttribute('data-pick-into'));
      if (!field) {
        return;
      }
      field.value = button.getAttribute('data-pick');
      var row = button.closest('li');
      var link = row ? row.querySelector('a') : null;
      var status = document.querySelector('[data-pick-into="' + field.id + '"] .similar-status');
      if (status && link) {
        status.textContent = 'Original: ' + link.textContent.replace(' (opens in a new tab)', '') +
          ' (#' + field.value + ')';
      }
      field.focus();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
