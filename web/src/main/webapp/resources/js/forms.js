/*
 * Forms: errors next to their fields, live character counts and the tag box. Loaded by the pages with forms (ask,
 * edit, sign-up, log-in, question, compose); the server checks everything again, these only say it sooner.
 *
 * - An error element (class field-error, id = the input's id + "-error") that has text marks its input: aria-invalid
 *   and aria-describedby pointing at it. Done on load and after every PrimeFaces ajax update.
 * - A form's error summary (.error-summary) takes the focus on load, so screen readers read it first; its links
 *   focus the field.
 * - A character count (data-count-for = the textarea's id, data-max) follows the text as it is typed.
 * - A tag box (data-tag-input = the autocomplete's widgetVar) checks what is typed with the server's own tag rule
 *   (data-tag-characters, data-tag-max-length), refuses a tag past data-tag-limit with a message instead of dropping
 *   it, and offers to join two words typed with a space ("red wine" -> red-wine).
 * - A live preview (the textarea's data-preview = the preview's id) is aria-busy from a keystroke until the answer to
 *   the request sent after it has landed: each keyup schedules PrimeFaces' delayed preview request, whose onstart and
 *   oncomplete call ParleyForms.previewSent/previewLanded. Screen readers then wait for the finished preview, and
 *   whoever clicks below it knows the page may still move (the preview grows as it lands).
 */
(function () {
  'use strict';

  var NUMBER = new Intl.NumberFormat('en');

  function inputFor(errorElement) {
    var id = errorElement.id.replace(/-error$/, '');
    return document.getElementById(id + '_input') || document.getElementById(id);
  }

  function describedBy(input, id, on) {
    var ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (x) {
      return x && x !== id;
    });
    if (on) {
      ids.push(id);
    }
    if (ids.length) {
      input.setAttribute('aria-describedby', ids.join(' '));
    } else {
      input.removeAttribute('aria-describedby');
    }
  }

  /** Marks each input whose error element has text, and unmarks the others. */
  function markFields() {
    // An h:message with no message renders an empty span with its id but without its class: match both.
    document.querySelectorAll('span[id$="-error"]').forEach(function (error) {
      var input = inputFor(error);
      if (!input) {
        return;
      }
      var invalid = error.textContent.trim() !== '';
      if (invalid) {
        input.setAttribute('aria-invalid', 'true');
      } else if (!input.hasAttribute('data-typing-invalid')) {
        input.removeAttribute('aria-invalid');
      }
      describedBy(input, error.id, invalid);
    });
  }

  function focusSummary() {
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.error-summary a[data-focus]');
    if (!link) {
      return;
    }
    var target = document.getElementById(link.getAttribute('data-focus'));
    if (target) {
      event.preventDefault();
      target.scrollIntoView({block: 'center'});
      target.focus();
    }
  });

  /* ---- character counts ---- */

  function updateCount(counter) {
    var area = document.getElementById(counter.getAttribute('data-count-for'));
    if (!area) {
      return;
    }
    var max = parseInt(counter.getAttribute('data-max'), 10);
    // Line breaks travel as CR LF in a form post, but the server counts the text as typed, with LF: so does this.
    var n = area.value.trim().length;
    var text = NUMBER.format(n) + ' / ' + NUMBER.format(max) + ' characters';
    if (n > max) {
      text += ': ' + NUMBER.format(n - max) + ' too many';
    }
    counter.textContent = text;
    counter.classList.toggle('over', n > max);
  }

  document.addEventListener('input', function (event) {
    var area = event.target;
    if (!area || !area.id) {
      return;
    }
    document.querySelectorAll('[data-count-for="' + CSS.escape(area.id) + '"]').forEach(updateCount);
  });

  /* ---- tag boxes ---- */

  function widgetOf(box) {
    return window.PF ? window.PF(box.getAttribute('data-tag-input')) : null;
  }

  function tokensOf(widget) {
    return widget.multiItemContainer.children('li.ui-autocomplete-token');
  }

  /** What is wrong with a tag about to be added or being typed, or null. The rule is the server's (Tag.checkName). */
  function problemWith(box, widget, value) {
    var limit = parseInt(box.getAttribute('data-tag-limit'), 10);
    var maxLength = parseInt(box.getAttribute('data-tag-max-length'), 10);
    var characters = box.getAttribute('data-tag-characters');
    var allowed = box.getAttribute('data-tag-characters-text');
    if (!value) {
      return null;
    }
    if (tokensOf(widget).length >= limit) {
      return {text: 'A question has at most ' + limit + ' tags. Remove one to add “' + value + '”.'};
    }
    if (/\s/.test(value)) {
      var joined = value.trim().split(/\s+/).join('-');
      return {
        text: 'A tag has no spaces: a space ends a tag. For one tag, join the words with a hyphen: ' + joined + '.',
        join: joined
      };
    }
    if (value.length > maxLength) {
      return {text: '“' + value + '” is too long: a tag has at most ' + maxLength + ' characters.'};
    }
    var bad = value.replace(new RegExp(characters, 'g'), '');
    if (bad) {
      var shown = Array.from(new Set(Array.from(bad))).join(' ');
      return {text: '“' + shown + '” cannot be in a tag: tags use only ' + allowed + '.'};
    }
    return null;
  }

  function say(box, message, join, parts, error) {
    var note = document.getElementById(box.getAttribute('data-tag-note'));
    if (!note) {
      return;
    }
    note.textContent = message || '';
    // A refusal reads as an error; an offer to join two tags, as a suggestion.
    note.classList.toggle('is-error', !!error);
    if (join) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-secondary tag-merge';
      button.textContent = 'Use ' + join;
      button.addEventListener('click', function () {
        joinTags(box, join, parts);
      });
      note.appendChild(document.createTextNode(' '));
      note.appendChild(button);
    }
  }

  /** Replaces the tags in parts (already added) by one tag, or puts join in place of what is typed. */
  function joinTags(box, join, parts) {
    var widget = widgetOf(box);
    if (!widget) {
      return;
    }
    (parts || []).forEach(function (part) {
      var token = tokensOf(widget).filter(function () {
        return this.getAttribute('data-token-value') === part;
      });
      if (token.length) {
        widget.removeItem(token);
      }
    });
    widget.input.val('');
    widget.addItem(join);
    say(box, 'Joined into the tag ' + join + '.');
    widget.input.trigger('focus');
  }

  function markTyping(widget, problem) {
    var input = widget.input[0];
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('data-typing-invalid', 'true');
    } else if (input.hasAttribute('data-typing-invalid')) {
      input.removeAttribute('data-typing-invalid');
      input.removeAttribute('aria-invalid');
      markFields();
    }
  }

  /** Drops suggestions still on their way: they would open the list over the button after the tag was added. */
  function forgetQuery(widget) {
    if (widget.timeout) {
      widget.deleteTimeout();
    }
    widget.requestId = (widget.requestId || 0) + 1;
    if (widget.panel && widget.panel.is(':visible')) {
      widget.hide();
    }
  }

  /** The target of a tag synonym (the box's data-tag-synonyms), or null. */
  function synonymOf(box, value) {
    if (!box.parleySynonyms) {
      try {
        box.parleySynonyms = JSON.parse(box.getAttribute('data-tag-synonyms') || '{}');
      } catch (e) {
        box.parleySynonyms = {};
      }
    }
    return Object.prototype.hasOwnProperty.call(box.parleySynonyms, value) ? box.parleySynonyms[value] : null;
  }

  function setUpTagBox(box) {
    var widget = widgetOf(box);
    if (!widget || typeof widget.addItem !== 'function' || widget.parleyTags) {
      return;
    }
    // key: the key that is adding a tag right now (null for a picked suggestion); lastBySpace: the last tag a space
    // ended, while the box kept the focus.
    widget.parleyTags = {lastBySpace: null, key: null};
    var original = widget.addItem;
    // Every way in (Enter, space, comma, a picked suggestion) goes through addItem: check there.
    widget.addItem = function (item) {
      var picked = typeof item !== 'string' && !(item instanceof String);
      var value = (picked ? item.attr('data-item-value') : String(item)).trim().toLowerCase();
      var target = synonymOf(box, value);
      if (target) {
        // A tag synonym: the question gets its target, as the server would do; say so.
        var already = tokensOf(widget).filter(function () {
          return this.getAttribute('data-token-value') === target;
        }).length > 0;
        var refused = already ? null : problemWith(box, widget, target);
        if (refused) {
          say(box, refused.text, refused.join, [], true);
          return;
        }
        widget.input.val('');
        forgetQuery(widget);
        if (!already) {
          original.call(widget, target);
        }
        say(box, '“' + value + '” is a synonym of “' + target + '”: ' + (already ? 'the question has it already.' : 'replaced.'));
        return;
      }
      var problem = problemWith(box, widget, value);
      if (problem) {
        say(box, problem.text, problem.join, [], true);
        markTyping(widget, problem);
        return;
      }
      original.call(widget, picked ? item : value);
      forgetQuery(widget);
      markTyping(widget, null);
      var state = widget.parleyTags;
      var previous = state.lastBySpace;
      if (previous && state.key) {
        // "red wine": two tags typed with a space between them. Say so, and offer the one tag that was likely meant.
        state.lastBySpace = null;
        say(box, '“' + previous + '” and “' + value + '” are two tags: a space ends a tag. Did you mean one tag?',
            previous + '-' + value, [previous, value]);
      } else {
        state.lastBySpace = state.key === ' ' ? value : null;
        say(box, '');
      }
    };
    widget.input.on('input.parleyTags', function () {
      var value = this.value.trim().toLowerCase();
      var problem = problemWith(box, widget, value);
      markTyping(widget, problem);
      var note = document.getElementById(box.getAttribute('data-tag-note'));
      if (problem) {
        say(box, problem.text, problem.join, [], true);
      } else if (value || !note || !note.querySelector('.tag-merge')) {
        // An offer to join two tags stays until something new is typed.
        say(box, '');
      }
    });
    widget.input.on('blur.parleyTags', function () {
      widget.parleyTags.lastBySpace = null;
    });
  }

  function setUpTagBoxes() {
    document.querySelectorAll('[data-tag-input]').forEach(setUpTagBox);
  }

  /*
   * Enter, space or comma turn what is typed into a tag, exactly as typed, unless the user picked a suggestion with
   * the arrow keys. PrimeFaces alone would either pick the first suggestion or, while suggestions are open, ignore
   * Enter; and Enter must never submit the form half-filled.
   */
  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (!input || input.tagName !== 'INPUT' || !input.closest) {
      return;
    }
    var box = input.closest('[data-tag-input]');
    var key = event.key;
    if (!box || (key !== 'Enter' && key !== ' ' && key !== ',')) {
      return;
    }
    var widget = widgetOf(box);
    if (!widget || typeof widget.addItem !== 'function') {
      return;
    }
    setUpTagBox(box);
    var open = widget.panel && widget.panel.is(':visible');
    var picked = open && widget.items && widget.items.filter('.ui-state-highlight').length > 0;
    if (picked && key === 'Enter') {
      forgetQuery(widget);
      return; // PrimeFaces adds the highlighted suggestion
    }
    var value = input.value.trim().replace(/,+$/, '').toLowerCase();
    event.preventDefault();
    event.stopPropagation();
    forgetQuery(widget);
    if (value) {
      widget.parleyTags.key = key;
      try {
        widget.addItem(value);
      } finally {
        widget.parleyTags.key = null;
      }
    }
  }, true);

  var previews = {}; // preview id -> {typed: keyups so far, sent: keyups covered by the request in flight}

  document.addEventListener('keyup', function (event) {
    var id = event.target && event.target.getAttribute && event.target.getAttribute('data-preview');
    var preview = id && document.getElementById(id);
    if (!preview) {
      return;
    }
    var state = previews[id] || (previews[id] = { typed: 0, sent: 0 });
    state.typed++;
    preview.setAttribute('aria-busy', 'true');
  });

  window.ParleyForms = {
    previewSent: function (id) {
      var state = previews[id];
      if (state) {
        state.sent = state.typed;
      }
    },
    previewLanded: function (id) {
      var state = previews[id];
      var preview = document.getElementById(id);
      if (preview && (!state || state.sent === state.typed)) {
        preview.removeAttribute('aria-busy');
      }
    }
  };

  function ready() {
    markFields();
    setUpTagBoxes();
    document.querySelectorAll('[data-count-for]').forEach(updateCount);
    focusSummary();
  }

  // PrimeFaces creates its widgets in jQuery's ready callbacks, queued by the page before this script: queue after them.
  if (window.jQuery) {
    window.jQuery(ready);
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
  document.addEventListener('focusin', function (event) {
    var box = event.target && event.target.closest && event.target.closest('[data-tag-input]');
    if (box) {
      setUpTagBox(box);
    }
  });
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', function () {
      markFields();
      setUpTagBoxes();
    });
  }
}());
