package org.parley.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A day (UTC) on which a user visited their site while logged in: one row per user and day, for the badges that count
 * consecutive days (Enthusiast, Fanatic).
 */
@Entity
@Table(
        name = "user_visit",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_user_visit_day",
                        columnNames = {"user_id", "visit_day"}))
@NamedQuery(
        name = "UserVisit.countByUserAndDay",
        query = "select count(v) from UserVisit v where v.userId = :user and v.day = :day")
@NamedQuery(
        name = "UserVisit.daysByUserSince",
        query = "select v.day from UserVisit v where v.userId = :user and v.day >= :since order by v.day desc")
public class UserVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_visit_id")
    @SequenceGenerator(name = "user_visit_id", sequenceName = "user_visit_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "visit_day", nullable = false)
    private LocalDate day;

    protected UserVisit() {}

    public UserVisit(long userId, LocalDate day) {
        this.userId = userId;
        this.day = Objects.requireNonNull(day, "day");
    }

    public LocalDate getDay() {
        return day;
    }
}
