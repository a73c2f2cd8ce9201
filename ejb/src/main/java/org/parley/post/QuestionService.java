package org.parley.post;

import jakarta.ejb.Stateless;
import java.util.List;
import org.parley.common.Page;
import org.parley.user.Actor;

/** Listing, viewing, asking, answering, editing and accepting. */
@Stateless
public class QuestionService {

  /**
   * Questions of a site in the given order. A page below 1 is read as 1, the page size is kept within 1..100 and a
   * null sort means {@link QuestionSort#NEWEST}.
   */
  public Page<QuestionSummary> list(long siteId, QuestionSort sort, int page, int pageSize) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Questions carrying all of {@code tags}. Paging and sort as in {@link #list}; an unknown tag, a null or empty
   * list gives an empty page.
   *
   * @throws org.parley.rules.InvalidInputException when a tag name is malformed (see {@link
   *     org.parley.tag.TagService#parse})
   */
  public Page<QuestionSummary> tagged(
      long siteId, List<String> tags, QuestionSort sort, int page, int pageSize) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The hottest questions for a sidebar; {@code limit} is kept within 1..100. */
  public List<QuestionSummary> hot(long siteId, int limit) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * A question page with its answers and comments; {@code myVote} fields are filled for {@code actor} (null =
   * anonymous). Does not count a view: see {@link #recordView}.
   *
   * @throws org.parley.rules.NotFoundException when the site has no question with that number (an answer's number
   *     included: use {@link #questionNumberOf} to redirect)
   */
  public QuestionDetail view(long siteId, long number, Actor actor) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Adds one to a question's view count without touching its row version; an unknown number is ignored. */
  public void recordView(long siteId, long number) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Asks a question on the actor's site. Title and body are trimmed; tags go through {@link
   * org.parley.tag.TagService#parse} and new tags are created.
   *
   * @throws org.parley.rules.NotAllowedException when {@code actor} is null ("Log in to ask a question.")
   * @throws org.parley.rules.InvalidInputException when the title is not 15..150 characters, the body not
   *     30..30000, or there are not 1..5 valid tags
   */
  public QuestionSummary ask(Actor actor, String title, String bodyMarkdown, List<String> tags) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Answers a question on the actor's site.
   *
   * @return the new answer's number
   * @throws org.parley.rules.NotAllowedException when {@code actor} is null or the question is closed
   * @throws org.parley.rules.NotFoundException when there is no such question
   * @throws org.parley.rules.InvalidInputException when the body is not 30..30000 characters
   */
  public long answer(Actor actor, long questionNumber, String bodyMarkdown) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * A question or answer as the edit form starts with it.
   *
   * @throws org.parley.rules.NotAllowedException unless the actor owns the post or is a moderator or admin
   * @throws org.parley.rules.NotFoundException when there is no such post on the actor's site
   */
  public PostForEdit forEdit(Actor actor, long postNumber) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Edits a question (title, body, tags) or an answer (body only; {@code title} and {@code tags} are ignored).
   *
   * @throws org.parley.rules.NotAllowedException unless the actor owns the post or is a moderator or admin
   * @throws org.parley.rules.NotFoundException when there is no such post on the actor's site
   * @throws org.parley.rules.InvalidInputException on the same rules as {@link #ask} and {@link #answer}
   */
  public void edit(
      Actor actor, long postNumber, String title, String bodyMarkdown, List<String> tags) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Accepts an answer, or un-accepts it when it is the accepted one; accepting another answer moves the mark.
   *
   * @throws org.parley.rules.NotAllowedException when {@code actor} is null or did not ask the question
   * @throws org.parley.rules.NotFoundException when there is no such answer on the actor's site
   */
  public void accept(Actor actor, long answerNumber) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The number of the question a post belongs to: the post's own for a question, its question's for an answer.
   *
   * @throws org.parley.rules.NotFoundException when the site has no such post
   */
  public long questionNumberOf(long siteId, long postNumber) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The slug of the question a post belongs to (see {@link #questionNumberOf}).
   *
   * @throws org.parley.rules.NotFoundException when the site has no such post
   */
  public String slugOfQuestionContaining(long siteId, long postNumber) {
    throw new UnsupportedOperationException("not yet");
  }
}
