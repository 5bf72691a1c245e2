package vn.ccn.dms.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct SQL on the test database, for assertions the API must not be trusted to make about itself. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("DMS_DB_URL"), System.getenv("DMS_DB_USER"),
                System.getenv("DMS_DB_PASSWORD"));
    }

    public static long count(String sql) {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the one row the query returns. */
    public static String text(String sql) {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = connect()) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
