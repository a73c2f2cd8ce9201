package org.parley.post;

import jakarta.ejb.Stateless;
import org.parley.user.Actor;

/** Up- and down-votes on questions and answers. */
@Stateless
public class VoteService {

  /**
   * Casts, changes or (when {@code type} equals the current vote) retracts the actor's vote, adjusting score and
   * reputation.
   *
   * @throws org.parley.rules.NotAllowedException when {@code actor} is null ("Log in to vote.") or votes on their
   *     own post ("You can't vote on your own post.")
   * @throws org.parley.rules.NotFoundException when there is no such post on the actor's site
   * @throws org.parley.rules.InvalidInputException when {@code type} is null
   */
  public VoteResult vote(Actor actor, long postNumber, VoteType type) {
    throw new UnsupportedOperationException("not yet");
  }
}
