package org.parley.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupServiceTest {

    @Test
    void backupsAreNamedByTheirUtcTimeToTheMillisecond() {
        assertEquals(
                "parley-20261208-013005-042.zip", BackupService.fileName(Instant.parse("2026-12-08T01:30:05.042Z")));
    }

    @Test
    void aPathBecomesOneSqlLiteral() {
        assertEquals("'/data/it''s/parley.zip'", BackupService.literal("/data/it's/parley.zip"));
    }
}
