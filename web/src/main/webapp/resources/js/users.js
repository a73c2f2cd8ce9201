/*
 * The users directory's filter as you type: the GET form (#user-filter-form) works without this script; with it, each
 * pause of 250 ms in typing fetches the same URL the form would open, swaps in its list (#user-results) and count, and
 * puts the URL in the address bar (history.replaceState), so reload and back keep the filter. A newer fetch aborts the
 * one in flight, so an old answer never replaces a newer one. On any failure the form is simply submitted.
 */
(function () {
  'use strict';

  var DELAY_MS = 250;

  function init() {
    var form = document.getElementById('user-filter-form');
    var input = document.getElementById('user-filter');
    if (!form || !input || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
      return;
    }
    var timer = null;
    var inFlight = null;
    var lastUrl = null;

    function url() {
      var params = new URLSearchParams();
      var fields = form.querySelectorAll('input[name]');
      for (var i = 0; i < fields.length; i++) {
        var v = fields[i].value.trim();
        if (v !== '') {
          params.append(fields[i].name, v);
        }
      }
      var q = params.toString();
      return form.getAttribute('action') + (q ? '?' + q : '');
    }

    function refresh() {
      var target = url();
      if (target === lastUrl) {
        return;
      }
      lastUrl = target;
      if (inFlight) {
        inFlight.abort();
      }
      var controller = window.AbortController ? new AbortController() : null;
      inFlight = controller;
      form.setAttribute('aria-busy', 'true');
      fetch(target, {credentials: 'same-origin', signal: controller ? controller.signal : undefined})
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var results = doc.getElementById('user-results');
          var count = doc.getElementById('user-count');
          if (!results || !count) {
            throw new Error('not a users page');
          }
          document.getElementById('user-results').replaceWith(document.importNode(results, true));
          document.getElementById('user-count').textContent = count.textContent;
          history.replaceState(null, '', target);
          form.removeAttribute('aria-busy');
          form.setAttribute('data-shown', target);
        })
        .catch(function (e) {
          if (e && e.name === 'AbortError') {
            return;
          }
          form.submit();
        });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, DELAY_MS);
    });
    form.addEventListener('submit', function (e) {
      // Enter shows the list at once, without leaving the page.
      e.preventDefault();
      clearTimeout(timer);
      lastUrl = null;
      refresh();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
