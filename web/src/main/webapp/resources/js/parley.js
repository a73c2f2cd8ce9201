/*
 * Parley's few scripts. Pages work without them except where noted; PrimeFaces does the ajax.
 */
window.Parley = {
  /**
   * After an ajax vote: show the post's new score and the voter's vote in place. The elements stay the same, so
   * nothing holding on to them (a screen reader, a test) loses them. Refused votes (a message instead) change nothing.
   */
  voted: function (args) {
    if (!args || args.validationFailed || args.score === undefined) {
      return;
    }
    var post = args.post;
    var box = document.querySelector('.votes[data-post="' + post + '"]');
    if (!box) {
      return;
    }
    box.querySelector('.score').textContent = args.score;
    // The same question in this page's "Hot questions" sidebar (issue 15: it kept the score the page loaded with).
    document.querySelectorAll('.side-list [data-post="' + post + '"] .side-score').forEach(function (s) {
      s.textContent = args.score;
    });
    [['.vote-up', 'UP'], ['.vote-down', 'DOWN']].forEach(function (pair) {
      var button = box.querySelector(pair[0]);
      var on = args.myVote === pair[1];
      button.classList.toggle('is-on', on);
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  },

  /** After the comment form's ajax post: a comment that was added closes the form (its text is already cleared). */
  commented: function (args) {
    if (!args || args.validationFailed || args.commented === undefined) {
      return;
    }
    var editor = document.getElementById('comment-editor');
    var opener = editor && editor.closest('details.comment-form');
    if (opener) {
      opener.open = false;
      opener.querySelector('summary').focus();
    }
  }
};

/*
 * "Add a comment" (includes/comments.xhtml) is a plain <details> under each post; opening one moves the page's one
 * comment form (comment-editor) into it and tells the form which post it is for (issue 19: one form, not one per
 * post). Opening another closes the first.
 */
document.addEventListener('toggle', function (e) {
  var opener = e.target;
  if (!opener.matches || !opener.matches('details.comment-form') || !opener.open) {
    return;
  }
  var editor = document.getElementById('comment-editor');
  if (!editor) {
    return;
  }
  document.querySelectorAll('details.comment-form[open]').forEach(function (other) {
    if (other !== opener) {
      other.open = false;
    }
  });
  var post = document.getElementById('comment-post');
  if (editor.parentNode !== opener) {
    var text = document.getElementById('comment-text');
    if (text && post && post.value !== opener.getAttribute('data-post')) {
      text.value = '';
    }
    opener.appendChild(editor);
  }
  if (post) {
    post.value = opener.getAttribute('data-post');
  }
  editor.hidden = false;
  var field = document.getElementById('comment-text');
  if (field) {
    field.focus();
  }
}, true);

/*
 * Vote buttons (includes/votes.xhtml) are plain buttons; a press calls the page's one vote command (parleyVote, a
 * PrimeFaces remote command in views/questions/view.xhtml) with the button's post and way, so a page renders one
 * ajax command for all its posts (issue 19).
 */
document.addEventListener('click', function (e) {
  var button = e.target.closest ? e.target.closest('.votes button[data-vote]') : null;
  if (!button || typeof window.parleyVote !== 'function') {
    return;
  }
  e.preventDefault();
  window.parleyVote([
    {name: 'vote-post', value: button.getAttribute('data-post')},
    {name: 'vote-type', value: button.getAttribute('data-vote')}
  ]);
});


/* Tag boxes, error marking and character counts live in forms.js, loaded by the pages with forms. */

/*
 * Tag boxes, accessibility (issue 15): PrimeFaces renders the chosen tags as role="listbox" with role="option"
 * tokens, next to a plain <li> holding the text field, which axe-core reports as critical (a listbox may hold only
 * options; the listbox has no name; an <li> outside a list). The chosen tags are a plain list here: a named
 * role="list" whose items are list items, the field a combobox inside one. New tokens are fixed as they appear.
 */
(function () {
  'use strict';

  function fix(list) {
    if (list.getAttribute('role') !== 'list') {
      list.setAttribute('role', 'list');
      list.removeAttribute('aria-orientation');
      list.setAttribute('aria-label', 'Chosen tags');
    }
    Array.prototype.forEach.call(list.children, function (item) {
      item.removeAttribute('role');
      item.removeAttribute('aria-selected');
    });
  }

  function fixAll() {
    document.querySelectorAll('[data-tag-input] .ui-autocomplete-multiple-container').forEach(function (list) {
      fix(list);
      if (!list.parleyObserved && window.MutationObserver) {
        list.parleyObserved = true;
        new MutationObserver(function () { fix(list); }).observe(list, {childList: true});
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fixAll);
  } else {
    fixAll();
  }
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', fixAll);
  }
}());

/*
 * Search box on phones (org.parley.search.web): the magnifier opens the top bar's search row and focuses it, instead
 * of following its link to the search page; a second press (or Escape in the box) closes the row again.
 */
(function () {
  function setUp() {
    var toggle = document.getElementById('topbar-search-toggle');
    var form = document.getElementById('topbar-search');
    if (!toggle || !form) {
      return;
    }
    var bar = form.closest('.topbar');
    function show(open) {
      bar.classList.toggle('search-open', open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) {
        form.querySelector('input').focus();
      }
    }
    toggle.addEventListener('click', function (e) {
      e.preventDefault();
      show(!bar.classList.contains('search-open'));
    });
    form.querySelector('input').addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && bar.classList.contains('search-open')) {
        show(false);
        toggle.focus();
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();

/*
 * Every write gets a key of its own (issue 18, fail-over without failed requests): a form post carries it as the
 * field "parley-submission", an ajax post (PrimeFaces uses jQuery's ajax) as the header "Idempotency-Key". When the
 * server that had the request dies before answering, HAProxy sends the same bytes to another server, which finds the
 * key already carried out and answers as the first would have, instead of asking or voting twice. A new key per
 * press, so a person who asks twice on purpose asks twice.
 */
(function () {
  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }
  // Fires for every form submission, a submit button's or a script's form.submit() alike.
  document.addEventListener('formdata', function (e) {
    if ((e.target.method || '').toLowerCase() !== 'post') {
      return;
    }
    // First in the body, where HAProxy looks for it (it reads only the start of a long post).
    var data = e.formData;
    var entries = [];
    data.forEach(function (value, name) {
      if (name !== 'parley-submission') {
        entries.push([name, value]);
      }
    });
    entries.forEach(function (entry) {
      data.delete(entry[0]);
    });
    data.delete('parley-submission');
    data.append('parley-submission', newKey());
    entries.forEach(function (entry) {
      data.append(entry[0], entry[1]);
    });
  });
  function hookAjax() {
    if (window.jQuery && !hookAjax.done) {
      hookAjax.done = true;
      window.jQuery.ajaxPrefilter(function (options, original, xhr) {
        if ((options.type || '').toUpperCase() === 'POST') {
          xhr.setRequestHeader('Idempotency-Key', newKey());
        }
      });
    }
  }
  hookAjax();
  document.addEventListener('DOMContentLoaded', hookAjax);
})();

/*
 * The /tags page's Watch and Ignore toggles (views/tags/list.xhtml): a press marks the tag through
 * PUT /api/tags/{name}/mark; pressing the pressed one clears the mark. The card is highlighted or faded as in lists, and
 * the buttons say which is on (aria-pressed). A refusal leaves everything as it was and says why in the button's title.
 */
document.addEventListener('click', function (e) {
  var button = e.target.closest ? e.target.closest('[data-tag-mark]') : null;
  var list = button && button.closest('[data-mark-url]');
  if (!list || button.disabled) {
    return;
  }
  var tag = button.getAttribute('data-tag');
  var mark = button.getAttribute('aria-pressed') === 'true' ? 'clear' : button.getAttribute('data-tag-mark');
  var cell = button.closest('.tag-cell');
  var buttons = cell.querySelectorAll('[data-tag-mark]');
  buttons.forEach(function (b) { b.disabled = true; });
  fetch(list.getAttribute('data-mark-url') + encodeURIComponent(tag) + '/mark', {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ mark: mark })
  })
    .then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) {
          throw new Error(answer && answer.error ? answer.error : 'Not saved (' + response.status + ')');
        }
        return answer;
      });
    })
    .then(function (answer) {
      var now = answer.mark || null;
      cell.classList.toggle('is-watched', now === 'watched');
      cell.classList.toggle('is-ignored', now === 'ignored');
      buttons.forEach(function (b) {
        var on = (b.getAttribute('data-tag-mark') === 'watch' && now === 'watched') ||
          (b.getAttribute('data-tag-mark') === 'ignore' && now === 'ignored');
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
        b.removeAttribute('title');
      });
    })
    .catch(function (err) {
      button.title = err.message;
    })
    .then(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
});
