package org.parley.post;

import java.util.Locale;

/** Orders of the question lists. */
public enum QuestionSort {
  /** Newest first. */
  NEWEST,
  /** Most recent activity (asked, answered, edited) first. */
  ACTIVE,
  /** Highest score first. */
  VOTES,
  /** Questions without answers, newest first. */
  UNANSWERED,
  /** Recently active questions with many votes, answers and views first. */
  HOT;

  /** Reads a URL parameter such as {@code "votes"}; null, blank or unknown values give {@code fallback}. */
  public static QuestionSort parse(String value, QuestionSort fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }
}
