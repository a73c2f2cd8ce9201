package org.parley.accesslog;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.parley.testing.H2Services;
import org.parley.testing.TestPostgres;

/** {@link AccessShippingH2Test} on PostgreSQL, the cluster's database: each test on a schema made anew. */
class AccessShippingPostgresTest extends AccessShippingH2Test {

    private static TestPostgres pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = TestPostgres.start("accesslog");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    H2Services newServices() {
        return pg.services("accesslog");
    }
}
