package org.parley.user;

import jakarta.ejb.Stateless;
import java.util.Optional;
import org.parley.common.Page;
import org.parley.post.QuestionSummary;

/** Registration, log-in and profiles of a site's users. */
@Stateless
public class UserService {

  /** Rows per page of a profile's question and answer lists. */
  public static final int PROFILE_PAGE_SIZE = 20;

  /**
   * Registers a plain user (role USER; admins are seeded, never registered). The username is trimmed and
   * lower-cased.
   *
   * @throws org.parley.rules.InvalidInputException when the username is not 3..30 of {@code [a-z0-9_.-]}, the
   *     display name not 2..40 characters or the password shorter than 10 characters
   * @throws org.parley.rules.ConflictException when the username is taken on this site
   * @throws org.parley.rules.NotFoundException when the site does not exist
   */
  public UserRef register(long siteId, String username, String displayName, String password) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Checks a username and password on one site. Takes about as long for an unknown user as for a wrong password.
   *
   * @return the actor, or empty for an unknown or deleted user, a wrong password or null arguments
   */
  public Optional<Actor> authenticate(long siteId, String username, String password) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The actor for an already authenticated username (e.g. from the security context), with its current role.
   *
   * @return empty for an unknown, deleted or null username
   */
  public Optional<Actor> actorFor(long siteId, String username) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * A user's public profile.
   *
   * @return empty when no such user (or a deleted one) exists on the site
   */
  public Optional<UserProfile> profile(long siteId, long number) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The user's questions, newest first, {@value #PROFILE_PAGE_SIZE} a page; a page below 1 is read as 1.
   *
   * @throws org.parley.rules.NotFoundException when no such user exists on the site
   */
  public Page<QuestionSummary> questionsBy(long siteId, long userNumber, int page) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The user's answers, newest first, {@value #PROFILE_PAGE_SIZE} a page; a page below 1 is read as 1.
   *
   * @throws org.parley.rules.NotFoundException when no such user exists on the site
   */
  public Page<AnswerSummary> answersBy(long siteId, long userNumber, int page) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Creates a user with any role, for seeding and admin tools; same validation as {@link #register}.
   *
   * @throws org.parley.rules.InvalidInputException for a malformed username, display name or password, or a null role
   * @throws org.parley.rules.ConflictException when the username is taken on this site
   * @throws org.parley.rules.NotFoundException when the site does not exist
   */
  public UserRef createUser(long siteId, String username, String displayName, String password, Role role) {
    throw new UnsupportedOperationException("not yet");
  }
}
