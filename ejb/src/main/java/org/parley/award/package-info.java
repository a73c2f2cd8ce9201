/**
 * Badge awarding, a feature over the model: the events that can earn a badge queue a check of the user on Artemis
 * ({@link org.parley.award.BadgeTriggers}, {@link org.parley.award.BadgeJobs}); the check ({@link
 * org.parley.award.BadgeAwardService}) applies {@link org.parley.award.BadgeRules} and awards each badge once per user
 * and site; a nightly timer queues the checks that time alone earns.
 */
package org.parley.award;
