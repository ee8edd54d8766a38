package dev.refinery.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the PostgreSQL of the tests is: {@code REFINERY_TEST_PG_URL}, or the local one with trust auth. */
public final class TestDatabases {

    public static final String POSTGRES_URL = System.getenv().getOrDefault("REFINERY_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("REFINERY_TEST_PG_USER", "postgres");
    public static final String POSTGRES_PASSWORD = System.getenv().getOrDefault("REFINERY_TEST_PG_PASSWORD", "");

    private TestDatabases() {
    }

    public static Connection postgres() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
    }

    /** A new, empty schema for a test that starts applications itself; drop it with {@link #drop}. */
    public static String newSchema() throws SQLException {
        var schema = "t_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (var connection = postgres(); var sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    public static void drop(String schema) throws SQLException {
        try (var connection = postgres(); var sql = connection.createStatement()) {
            sql.execute("SET lock_timeout = '5s'");
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Under CI nothing may skip: a missing service is a failure there. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
