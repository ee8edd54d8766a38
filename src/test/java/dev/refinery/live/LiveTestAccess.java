package dev.refinery.live;

import java.sql.SQLException;

import org.springframework.context.ApplicationContext;

/** What tests outside this package may do to a node's live rooms: break its bus's listening connection. */
public final class LiveTestAccess {

    private LiveTestAccess() {
    }

    public static Object bus(ApplicationContext node) {
        return node.getBean(LiveRooms.class).bus();
    }

    public static void dropListener(Object bus) throws SQLException {
        ((PostgresEventBus) bus).dropConnection();
    }
}
