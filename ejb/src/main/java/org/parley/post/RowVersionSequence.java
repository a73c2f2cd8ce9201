package org.parley.post;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Holds the declaration of the sequence {@value RowVersions#SEQUENCE}. Schema generation only creates sequences that
 * an identifier uses (a generator declared on its own is ignored), so this entity's id uses it; no row is ever
 * written to its table. {@link RowVersions} reads the sequence directly.
 */
@Entity
@Table(name = "post_row_version")
public class RowVersionSequence {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = RowVersions.SEQUENCE)
    @SequenceGenerator(name = RowVersions.SEQUENCE, sequenceName = RowVersions.SEQUENCE, allocationSize = 1)
    private Long id;

    protected RowVersionSequence() {}
}
