package org.parley.dump.importer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One figure of one file of an import ({@link ImportLedger} writes them with JDBC): rows in the file, rows read and
 * imported, the position to resume from, bytes done, and one row per skip or note reason. Updated in the same
 * transaction as the rows a chunk writes, so the figures and the data never disagree, even after a crash.
 */
@Entity
@Table(
        name = "dump_import_count",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_dump_import_count",
                        columnNames = {"import_id", "file_name", "outcome"}))
public class DumpImportCount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dump_import_count_id")
    @SequenceGenerator(name = "dump_import_count_id", sequenceName = "dump_import_count_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "import_id", nullable = false)
    private long importId;

    @Column(name = "file_name", nullable = false, length = 40)
    private String fileName;

    @Column(name = "outcome", nullable = false, length = 200)
    private String outcome;

    @Column(name = "amount", nullable = false)
    private long amount;

    protected DumpImportCount() {}
}
