package vn.ccn.dms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema on a real PostgreSQL: every foreign key of a table that grows with use is backed by an index
 * that starts with its columns, so reading a parent's children (a document's recipients, a version's files) or
 * checking references before a delete never reads a whole table. Only keys into reference data, which changes by
 * administration alone, may go without.
 */
class SchemaIndexTest {

    /**
     * Tables that only administrators change (the directory's agencies, document types, the regulation's roles,
     * rule sets, procedures and their steps, distribution rules): a key into them, or between them, may go without
     * an index, since scanning for references happens only on such a change.
     */
    private static final Set<String> REFERENCE_DATA = Set.of("agency", "document_type", "functional_role", "rule_set",
            "procedure_def", "procedure_step", "distribution_rule");

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrate() throws Exception {
        postgres = MigratedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** Foreign keys with no index whose leading columns are exactly the key's columns. */
    private static List<String[]> unindexedForeignKeys() throws Exception {
        String sql = """
                select c.conrelid::regclass::text, c.confrelid::regclass::text,
                       (select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a
                         where a.attrelid = c.conrelid and a.attnum = any (c.conkey))
                  from pg_constraint c
                 where c.contype = 'f'
                   and not exists (
                        select 1 from pg_index i
                         where i.indrelid = c.conrelid
                           and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
                           and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)
                 order by 1, 3""";
        List<String[]> rows = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return rows;
    }

    @Test
    void everyForeignKeyOutsideReferenceDataHasAnIndex() throws Exception {
        List<String> missing = unindexedForeignKeys().stream().filter(r -> !REFERENCE_DATA.contains(r[1]) && !REFERENCE_DATA.contains(r[0]))
                .map(r -> r[0] + "(" + r[2] + ") -> " + r[1]).toList();
        assertEquals(List.of(), missing, "foreign keys of growing tables without an index");
    }

    @Test
    void theCheckSeesAnUnindexedKey() throws Exception {
        // The query above must find a foreign key that has no index, or the test before proves nothing.
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table schema_probe (id bigint primary key, document_id bigint references document (id))");
            try {
                assertTrue(unindexedForeignKeys().stream().anyMatch(r -> r[0].equals("schema_probe")
                        && r[1].equals("document") && r[2].equals("document_id")));
                s.execute("create index schema_probe_document on schema_probe (document_id)");
                assertTrue(unindexedForeignKeys().stream().noneMatch(r -> r[0].equals("schema_probe")));
            } finally {
                s.execute("drop table schema_probe");
            }
        }
    }
}
