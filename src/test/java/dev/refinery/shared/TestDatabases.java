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

    /** Under CI nothing may skip: a missing service is a failure there. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
