/*
 * Reading posts: typesets TeX math with KaTeX (on sites that have math on) and highlights code blocks with
 * highlight.js. Both libraries are WebJars served by Parley itself, and each is fetched only when the page needs it:
 * KaTeX when a post holds a $, highlight.js when a post holds a code block. Included by
 * WEB-INF/includes/reading-assets.xhtml, whose script tag carries the settings in data-* attributes.
 *
 * Math is written as on math Stack Exchange sites: $...$ inline, $$...$$ displayed, \$ for a dollar sign. Code and
 * preformatted text are never searched for math. A code block's language comes from its class (language-x, from
 * a Markdown fence or a <!-- language: lang-x --> hint, or Stack Exchange's lang-x on the pre), else from the
 * question's tags, else highlight.js guesses; lang-none / language-none turns highlighting off.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var base = script.getAttribute('data-base') || '';
  var settings = {
    math: script.getAttribute('data-math') === 'true',
    katex: base + script.getAttribute('data-katex'),
    highlight: base + script.getAttribute('data-highlight'),
    tags: (script.getAttribute('data-tags') || '').split(/\s+/).filter(Boolean)
  };
  var SKIP = /^(PRE|CODE|KBD|SAMP|SCRIPT|STYLE|TEXTAREA|INPUT|SELECT|OPTION)$/;
  var NO_LANGUAGE = /^(none|nohighlight|plaintext-none)$/;

  function stylesheet(href) {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }

  function load(src, then) {
    var s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = then;
    document.head.appendChild(s);
  }

  /* ---- Math ---- */

  /** Where math may be: post bodies, and question titles (the page's heading, lists, the sidebar). */
  function mathRoots() {
    return Array.prototype.slice.call(document.querySelectorAll(
        '#main .prose, #main h1, .summary-title, .side-list a, .math-scope'));
  }

  function skipped(node) {
    for (var el = node.parentNode; el && el.nodeType === 1; el = el.parentNode) {
      if (SKIP.test(el.tagName) || el.classList.contains('katex') || el.classList.contains('no-math')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Splits text into literal runs and math runs: [{tex, display}] or [{text}]. \$ is a literal dollar; a $ with no
   * closing $ is literal too.
   */
  function split(text) {
    var out = [];
    var literal = '';
    var i = 0;
    while (i < text.length) {
      var c = text.charAt(i);
      if (c === '\\' && text.charAt(i + 1) === '$') {
        literal += '$';
        i += 2;
        continue;
      }
      if (c !== '$') {
        literal += c;
        i++;
        continue;
      }
      var display = text.charAt(i + 1) === '$';
      var from = i + (display ? 2 : 1);
      var close = -1;
      for (var j = from; j < text.length; j++) {
        var d = text.charAt(j);
        if (d === '\\') {
          j++;
        } else if (d === '$' && (!display || text.charAt(j + 1) === '$')) {
          close = j > from ? j : -1;
          break;
        }
      }
      if (close < 0) {
        literal += display ? '$$' : '$';
        i = from;
        continue;
      }
      if (literal) {
        out.push({text: literal});
        literal = '';
      }
      out.push({tex: text.substring(from, close), display: display});
      i = close + (display ? 2 : 1);
    }
    if (literal) {
      out.push({text: literal});
    }
    return out;
  }

  function typeset(roots) {
    roots.forEach(function (root) {
      var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      var nodes = [];
      for (var n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeValue.indexOf('$') >= 0 && !skipped(n)) {
          nodes.push(n);
        }
      }
      nodes.forEach(function (node) {
        var parts = split(node.nodeValue);
        if (parts.length === 1 && parts[0].text !== undefined) {
          node.nodeValue = parts[0].text; // only escapes: \$ becomes $
          return;
        }
        var fragment = document.createDocumentFragment();
        parts.forEach(function (p) {
          if (p.text !== undefined) {
            fragment.appendChild(document.createTextNode(p.text));
            return;
          }
          var span = document.createElement('span');
          span.className = p.display ? 'math math-display' : 'math math-inline';
          try {
            window.katex.render(p.tex, span, {displayMode: p.display, throwOnError: false, strict: 'ignore'});
          } catch (e) {
            span.textContent = (p.display ? '$$' : '$') + p.tex + (p.display ? '$$' : '$');
          }
          fragment.appendChild(span);
        });
        node.parentNode.replaceChild(fragment, node);
      });
    });
    document.documentElement.setAttribute('data-math-typeset', 'true');
  }

  /* ---- Code ---- */

  function languageOf(code) {
    var classes = (code.className + ' ' + (code.parentNode.className || '')).split(/\s+/);
    for (var i = 0; i < classes.length; i++) {
      var m = /^(?:language|lang)-(.+)$/.exec(classes[i]);
      if (m) {
        return m[1].toLowerCase();
      }
    }
    return null;
  }

  function highlight(blocks) {
    var hljs = window.hljs;
    hljs.configure({ignoreUnescapedHTML: true});
    var fromTags = null;
    for (var t = 0; t < settings.tags.length && !fromTags; t++) {
      if (hljs.getLanguage(settings.tags[t])) {
        fromTags = settings.tags[t];
      }
    }
    blocks.forEach(function (code) {
      var language = languageOf(code);
      if (language && NO_LANGUAGE.test(language)) {
        return;
      }
      if (language === 'default' || (language && !hljs.getLanguage(language))) {
        language = null;
      }
      language = language || fromTags;
      if (language) {
        code.classList.add('language-' + language);
      }
      hljs.highlightElement(code);
      code.parentNode.classList.add('is-highlighted');
    });
    document.documentElement.setAttribute('data-code-highlighted', 'true');
  }

  /** A code block wider than the column scrolls; keyboard users must be able to reach it to scroll it. */
  function scrollable() {
    document.querySelectorAll('#main .prose pre').forEach(function (pre) {
      if (pre.scrollWidth > pre.clientWidth && !pre.hasAttribute('tabindex')) {
        pre.setAttribute('tabindex', '0');
      }
    });
  }

  function start() {
    scrollable();
    var blocks = Array.prototype.slice.call(document.querySelectorAll('#main .prose pre > code'));
    if (blocks.length) {
      stylesheet(settings.highlight + 'styles/a11y-light.min.css');
      load(settings.highlight + 'highlight.min.js', function () {
        highlight(blocks);
      });
    }
    if (settings.math) {
      var roots = mathRoots().filter(function (r) {
        return r.textContent.indexOf('$') >= 0;
      });
      if (roots.length) {
        stylesheet(settings.katex + 'katex.min.css');
        load(settings.katex + 'katex.min.js', function () {
          typeset(roots);
        });
      }
    }
  }

  /**
   * A Markdown editor's live preview is replaced by ajax as the user types (a p:ajax with global="false", which
   * fires no pfAjaxComplete): watch each preview and typeset its new content the same way. Typesetting changes the
   * preview too, but leaves no raw $ outside .katex, so the second look finds nothing to do.
   */
  function watchPreviews() {
    if (!settings.math || !window.MutationObserver) {
      return;
    }
    var pending = false;
    var loading = false;
    function roots() {
      return Array.prototype.slice.call(document.querySelectorAll('.preview')).filter(function (r) {
        return r.textContent.indexOf('$') >= 0;
      });
    }
    function typesetPreviews() {
      pending = false;
      if (window.katex) {
        typeset(roots());
      } else if (!loading && roots().length) {
        loading = true; // once: what changes while KaTeX loads is typeset when it has loaded
        stylesheet(settings.katex + 'katex.min.css');
        load(settings.katex + 'katex.min.js', function () {
          typeset(roots());
        });
      }
    }
    document.querySelectorAll('.preview').forEach(function (preview) {
      new MutationObserver(function () {
        if (!pending) {
          pending = true;
          window.setTimeout(typesetPreviews, 0);
        }
      }).observe(preview, {childList: true, subtree: true, characterData: true});
    });
  }

  function ready() {
    start();
    watchPreviews();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
})();
