package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Quartz's JDBC job store, from the PostgreSQL script that ships in the Quartz jar (2.5 when this ran first), without
 * its DROP and COMMIT statements: Flyway runs it once, in its own transaction, and no hub instance ever drops the
 * tables the others share. A Quartz upgrade that changes the schema needs a migration of its own.
 */
public class V11__quartz_job_store extends BaseJavaMigration {

    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : script().split(";")) {
                String trimmed = sql.lines().filter(line -> !line.trim().startsWith("--"))
                        .reduce("", (all, line) -> all + line + "\n").trim();
                String verb = trimmed.isEmpty() ? "" : trimmed.split("\\s+")[0].toUpperCase();
                if (!trimmed.isEmpty() && !verb.equals("DROP") && !verb.equals("COMMIT")) {
                    statement.execute(trimmed);
                }
            }
        }
    }

    private static String script() throws IOException {
        try (InputStream in = V11__quartz_job_store.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("The Quartz jar has no " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
