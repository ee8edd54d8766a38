package dev.refinery.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Compacts the H2 file when the application stops ({@code SHUTDOWN COMPACT}): the space of deleted rows goes back to
 * the disk, so that the file does not keep the size of its busiest day. Only on an H2 database in a file of this
 * process; never on PostgreSQL (its autovacuum does that), an in-memory H2 or an H2 server shared with others.
 */
@Component
class H2Compaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final String url;
    private final String user;
    private final String password;
    private final boolean applies;

    /** Depends on the pool so that it stops before the pool closes (the pool's connections are not used). */
    H2Compaction(DataSource pool, @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String user, @Value("${spring.datasource.password:}") String password,
            @Value("${refinery.h2.compact-on-shutdown}") boolean enabled) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.applies = enabled && inFile(url);
    }

    static boolean inFile(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        var rest = url.substring("jdbc:h2:".length());
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }

    /**
     * On a connection of its own in this process (the same database): closing a pooled one after the shutdown would
     * make the pool reset it, and H2 write that failure into a trace file beside the database at every stop.
     */
    @Override
    public void destroy() {
        if (!applies) {
            return;
        }
        var started = System.nanoTime();
        Connection connection = null;
        Statement statement = null;
        try {
            connection = DriverManager.getConnection(url, user, password);
            statement = connection.createStatement();
            statement.execute("SHUTDOWN COMPACT");
            log.info("H2 database compacted in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        catch (SQLException failed) {
            log.warn("Could not compact the H2 database on shutdown: {}", failed.toString());
        }
        finally {
            // the database is closed now: closing what used it can only fail, and there is nothing left to release
            JdbcUtils.closeStatement(statement);
            JdbcUtils.closeConnection(connection);
        }
    }
}
