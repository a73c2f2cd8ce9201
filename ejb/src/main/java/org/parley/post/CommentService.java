package org.parley.post;

import jakarta.ejb.Stateless;
import org.parley.user.Actor;

/** Comments under questions and answers. */
@Stateless
public class CommentService {

  /**
   * Adds a plain-text comment (trimmed) to a question or answer.
   *
   * @throws org.parley.rules.NotAllowedException when {@code actor} is null ("Log in to comment.")
   * @throws org.parley.rules.NotFoundException when there is no such post on the actor's site
   * @throws org.parley.rules.InvalidInputException when the text is not 15..600 characters
   */
  public CommentView comment(Actor actor, long postNumber, String text) {
    throw new UnsupportedOperationException("not yet");
  }
}
