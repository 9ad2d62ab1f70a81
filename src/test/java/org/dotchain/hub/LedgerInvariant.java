package org.dotchain.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** For every unit, allocated = available + reserved + committed + spent, and no bucket below zero. */
public final class LedgerInvariant {

    private LedgerInvariant() {
    }

    public static void assertBalanced(JdbcTemplate db) {
        for (Map<String, Object> budget : db.queryForList("select * from unit_budget")) {
            BigDecimal allocated = (BigDecimal) budget.get("allocated");
            BigDecimal sum = BigDecimal.ZERO;
            for (String bucket : new String[] {"available", "reserved", "committed", "spent"}) {
                BigDecimal amount = (BigDecimal) budget.get(bucket);
                assertThat(amount).as("%s of unit %s", bucket, budget.get("unit_id")).isNotNegative();
                sum = sum.add(amount);
            }
            assertThat(sum).as("the buckets of unit %s against its allocation", budget.get("unit_id"))
                    .isEqualByComparingTo(allocated);
        }
    }
}
