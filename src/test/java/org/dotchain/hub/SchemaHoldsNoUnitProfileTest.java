package org.dotchain.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same promise as NoUnitProfilingTest, checked on the migrated database itself. */
@HubIntegrationTest
class SchemaHoldsNoUnitProfileTest {

    @Autowired
    JdbcTemplate db;

    @Test
    void noColumnDescribesSizeStaffingOrLocation() {
        List<String> columns = db.queryForList("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name <> 'flyway_schema_history'
                """, String.class);

        assertThat(columns).isNotEmpty().noneMatch(column -> column.replace("_", "").matches(NoUnitProfilingTest.FORBIDDEN));
    }
}
