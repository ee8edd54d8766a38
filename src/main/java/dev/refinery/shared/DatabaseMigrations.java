package dev.refinery.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Brings the database up to the migrations packaged with this build (Flyway, {@code db/migration}) before anything
 * else uses it: the repositories, Spring Session and the pool's users wait for this bean ({@link Detector}).
 * <p>
 * A start on a database whose schema history already holds every packaged migration, each with the checksum of its
 * file and none failed, reads that history and goes on: building Flyway and its validation took about a tenth of the
 * production start. Anything else (a new database, an upgrade, a migration changed after it ran, a failed one, a
 * database newer than the jar, a database of Flyway's own by {@code spring.flyway.url}) is left to Flyway, which
 * migrates or refuses to start as it always did.
 * <p>
 * Flyway takes its settings from {@code spring.flyway.*} ({@code spring.flyway.schemas=refinery} becomes Flyway's
 * {@code schemas}); {@code spring.flyway.enabled=false} leaves the database alone.
 * <p>
 * On H2, Flyway migrates through a connection of its own that stays open as long as the application, never through
 * one of the pool's. H2 2.4 ties every {@code CHECK (x IN (...))} constraint it creates to the session that ran the DDL
 * (h2database#4302): once that session is closed, every insert into the table fails with "Check constraint invalid
 * ... The database has been closed". A pooled connection is closed whenever the pool renews it (after 30 minutes by
 * default), so migrating through one killed every write half an hour after the first start or an upgrade. The
 * constraints H2 reads when it opens the file belong to its own system session and are not affected. (H2 2.5 fixes
 * the constraints but fails reads of a table while a long transaction, such as a large import, writes to the file.)
 */
@Component
public class DatabaseMigrations implements InitializingBean, DisposableBean {

    /** What the start found: the history already complete, or Flyway's work. */
    public enum Outcome { UP_TO_DATE, MIGRATED_BY_FLYWAY, DISABLED }

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrations.class);
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");
    private static final Pattern SETTING = Pattern.compile("-([a-z])");

    private final DataSource dataSource;
    private final JdbcConnectionDetails database;
    private final Map<String, String> settings;
    /** False when Flyway connects by itself to a database of its own (spring.flyway.url), not the pool's. */
    private final boolean poolsDatabase;
    private Connection h2Connection;
    private Outcome outcome;

    DatabaseMigrations(DataSource dataSource, JdbcConnectionDetails database, Environment environment) {
        this.dataSource = dataSource;
        this.database = database;
        this.settings = flywaySettings(environment);
        this.poolsDatabase = !settings.containsKey("flyway.url");
    }

    public Outcome outcome() {
        return outcome;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        if ("false".equals(settings.remove("flyway.enabled"))) {
            outcome = Outcome.DISABLED;
            return;
        }
        var packaged = poolsDatabase ? packaged() : null;
        if (packaged != null && packaged.equals(applied())) {
            log.info("Database schema up to date: its history holds the {} packaged migrations", packaged.size());
            outcome = Outcome.UP_TO_DATE;
            return;
        }
        migrate();
        outcome = Outcome.MIGRATED_BY_FLYWAY;
    }

    private void migrate() throws SQLException {
        var flyway = Flyway.configure().configuration(settings);
        if (poolsDatabase) {
            flyway.dataSource(database.getJdbcUrl().startsWith("jdbc:h2:") ? ownH2Connection() : dataSource);
        }
        flyway.load().migrate();
    }

    private DataSource ownH2Connection() throws SQLException {
        h2Connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(), database.getPassword());
        return new SingleConnectionDataSource(h2Connection, true);
    }

    /**
     * The versions and checksums of the migrations in the jar, as Flyway computes them; null when Flyway must look
     * itself (a location outside the class path, a repeatable or Java migration, another naming).
     */
    private Map<String, Integer> packaged() {
        var found = new HashMap<String, Integer>();
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        for (var location : settings.getOrDefault("flyway.locations", "classpath:db/migration").split(",")) {
            var folder = location.strip();
            if (!folder.startsWith("classpath:")) {
                return null;
            }
            try {
                var files = resolver.getResources("classpath*:" + folder.substring("classpath:".length()) + "/**/*.sql");
                for (var file : files) {
                    var versioned = VERSIONED.matcher(String.valueOf(file.getFilename()));
                    var checksum = versioned.matches() ? ChecksumCalculator.calculate(new Packaged(file)) : null;
                    if (checksum == null || found.put(versioned.group(1), checksum) != null) {
                        return null;
                    }
                }
            }
            catch (IOException e) {
                return null;
            }
        }
        return found;
    }

    /** The migrations the schema history holds; null when any failed, is not a plain SQL one, or there is no history. */
    private Map<String, Integer> applied() {
        var schemas = settings.getOrDefault("flyway.schemas", "").split(",");
        var given = settings.getOrDefault("flyway.defaultSchema", schemas[0].strip());
        var table = settings.getOrDefault("flyway.table", "flyway_schema_history");
        try (var connection = dataSource.getConnection()) {
            var schema = given.isEmpty() ? connection.getSchema() : given;
            // asked before it is read: H2 writes every failed statement into a trace file beside the database
            try (var history = connection.getMetaData().getTables(null, schema, table, null)) {
                if (!history.next()) {
                    return null;
                }
            }
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT version, checksum, success, type FROM " + schema + "." + table)) {
                var applied = new HashMap<String, Integer>();
                while (rows.next()) {
                    var version = rows.getString(1);
                    var type = rows.getString(4);
                    if (version == null && ("TABLE".equals(type) || "SCHEMA".equals(type))) {
                        // the rows Flyway writes when it created the history table, or the schemas, itself
                        continue;
                    }
                    var checksum = rows.getObject(2) == null ? null : rows.getInt(2);
                    if (version == null || !rows.getBoolean(3) || !"SQL".equals(type) || applied.put(version, checksum) != null) {
                        return null;
                    }
                }
                return applied;
            }
        }
        catch (SQLException unreadable) {
            return null;
        }
    }

    /**
     * {@code spring.flyway.*} as Flyway's own settings: {@code spring.flyway.baseline-on-migrate} (or
     * {@code SPRING_FLYWAY_BASELINE_ON_MIGRATE}) becomes {@code flyway.baselineOnMigrate}.
     */
    private static Map<String, String> flywaySettings(Environment environment) {
        var given = Binder.get(environment).bind("spring.flyway", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
        var settings = new LinkedHashMap<String, String>();
        given.forEach((key, value) -> settings.put(
                "flyway." + SETTING.matcher(key).replaceAll(letter -> letter.group(1).toUpperCase()), value));
        return settings;
    }

    @Override
    public void destroy() throws SQLException {
        if (h2Connection != null) {
            h2Connection.close();
        }
    }

    /** A migration in the jar, for Flyway's checksum: read as Flyway reads it (UTF-8). */
    private static final class Packaged extends LoadableResource {

        private final Resource file;

        Packaged(Resource file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return file.getDescription();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return file.getDescription();
        }

        @Override
        public String getFilename() {
            return file.getFilename();
        }

        @Override
        public String getRelativePath() {
            return file.getFilename();
        }
    }

    /** Makes every bean that uses the database wait for the migrations (listed in META-INF/spring.factories). */
    static final class Detector extends AbstractBeansOfTypeDatabaseInitializerDetector {

        @Override
        protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
            return Set.of(DatabaseMigrations.class);
        }
    }
}
