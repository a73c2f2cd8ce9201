package org.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** H2's ENUM columns become VARCHARs holding the same names, keeping NOT NULL; a second run changes nothing. */
class H2EnumColumnsTest {

    @Test
    void enumColumnsBecomeVarcharsWithTheSameNames() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:enums;DB_CLOSE_DELAY=-1", "sa", "")) {
            Statement s = c.createStatement();
            s.execute("create table parley_user(id int primary key, role enum('USER','MODERATOR','ADMIN') not null,"
                    + " name varchar(10))");
            s.execute("create table flag(id int primary key, outcome enum('HELPFUL','DECLINED'))");
            // Hibernate's table for multi-table mutations: H2 cannot alter a temporary table, and none is needed.
            s.execute("create global temporary table hte_flag(id int, outcome enum('HELPFUL','DECLINED'))");
            s.execute("insert into parley_user values (1, 'MODERATOR', 'a'), (2, 'ADMIN', 'b')");
            s.execute("insert into flag values (1, null), (2, 'DECLINED')");

            assertEquals(
                    List.of(
                            "alter table \"FLAG\" alter column \"OUTCOME\" set data type varchar(32)",
                            "alter table \"PARLEY_USER\" alter column \"ROLE\" set data type varchar(32)"),
                    H2EnumColumns.convert(c));

            ResultSet types = s.executeQuery("select count(*) from information_schema.columns"
                    + " where table_schema = schema() and data_type = 'ENUM'");
            types.next();
            assertEquals(1, types.getInt(1), "no ENUM column left but the temporary table's");
            ResultSet roles = s.executeQuery("select role from parley_user order by id");
            roles.next();
            assertEquals("MODERATOR", roles.getString(1));
            roles.next();
            assertEquals("ADMIN", roles.getString(1));
            assertThrows(
                    SQLException.class,
                    () -> s.execute("insert into parley_user values (3, null, 'c')"),
                    "still NOT NULL");
            s.execute("insert into flag values (3, null)"); // still nullable
            assertEquals(List.of(), H2EnumColumns.convert(c), "nothing left to change");
        }
    }
}
