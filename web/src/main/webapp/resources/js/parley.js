/*
 * Parley's few scripts. Pages work without them except where noted; PrimeFaces does the ajax.
 */
window.Parley = {
  /**
   * After an ajax vote: show the post's new score and the voter's vote in place. The elements stay the same, so
   * nothing holding on to them (a screen reader, a test) loses them. Refused votes (a message instead) change nothing.
   */
  voted: function (post, args) {
    if (!args || args.validationFailed || args.score === undefined) {
      return;
    }
    var box = document.querySelector('.votes[data-post="' + post + '"]');
    if (!box) {
      return;
    }
    box.querySelector('.score').textContent = args.score;
    [['.vote-up', 'UP'], ['.vote-down', 'DOWN']].forEach(function (pair) {
      var button = box.querySelector(pair[0]);
      var on = args.myVote === pair[1];
      button.classList.toggle('is-on', on);
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }
};


/* Tag boxes, error marking and character counts live in forms.js, loaded by the pages with forms. */
