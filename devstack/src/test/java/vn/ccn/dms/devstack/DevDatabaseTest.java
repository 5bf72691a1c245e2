package vn.ccn.dms.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void startsARealPostgresqlWithDurableCommitsAndKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = temp.resolve("pgdata");
        try (DevDatabase db = DevDatabase.start(dataDir, 0)) {
            assertTrue(db.port() > 0, "a free port was chosen");
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                assertEquals("1", single(s, "select 1"));
                assertEquals("on", single(s, "show fsync"), "zonky's -F (fsync off) must be overridden");
                assertEquals("on", single(s, "show synchronous_commit"));
                assertEquals("on", single(s, "show full_page_writes"));
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('Hữu Lũng')");
            }
        }
        try (DevDatabase again = DevDatabase.start(dataDir, 0);
             Connection c = connect(again); Statement s = c.createStatement()) {
            assertEquals("Hữu Lũng", single(s, "select v from kept"), "data survives a stop and start");
        }
    }

    @Test
    void usesTheRequestedPortAndRefusesASecondServerOnTheSameCluster() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dataDir = temp.resolve("fixed");
        try (DevDatabase db = DevDatabase.start(dataDir, port)) {
            assertEquals(port, db.port());
            assertEquals("jdbc:postgresql://localhost:" + port + "/postgres", db.jdbcUrl());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DevDatabase.start(dataDir, 0));
            assertTrue(e.getMessage().contains("still running"), e.getMessage());
        }
        assertEquals(false, DevDatabase.stopLeftRunning(dataDir), "nothing is left after close()");
    }

    private static Connection connect(DevDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
