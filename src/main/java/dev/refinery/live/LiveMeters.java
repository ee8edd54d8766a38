package dev.refinery.live;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * What the live rooms of this node hold, for Prometheus: open streams and rooms (each node has its own, so add them
 * up across nodes), and how often the bus between nodes had to listen again (a climbing count is a flaky network or
 * database between this node and PostgreSQL).
 */
@Component
class LiveMeters implements MeterBinder {

    private final LiveRooms rooms;

    LiveMeters(LiveRooms rooms) {
        this.rooms = rooms;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("refinery.live.streams", rooms, LiveRooms::openStreams)
            .description("Live page streams (Server-Sent Events) open on this node")
            .register(registry);
        Gauge.builder("refinery.live.rooms", rooms, LiveRooms::openRooms)
            .description("Live rooms with at least one stream open on this node")
            .register(registry);
        FunctionCounter.builder("refinery.live.bus.reconnects", rooms, LiveRooms::busReconnects)
            .description("Times the PostgreSQL LISTEN connection of the live event bus was re-established")
            .register(registry);
    }
}
