package dev.refinery.live;

import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jetty for many open streams. An open SSE stream keeps its response's output buffer for as long as it is open,
 * 32 KB by default: a stream's response asks for 4 KB ({@link #smallBuffer}), so that 10,000 streams take 280 MB
 * less memory, while pages keep the default and go out in one write (a queue page of 100 rows written 4 KB at a
 * time took 2 to 3 ms longer). The accept queue holds a thousand connections at once (the JDK's default is 50), for
 * a meeting that everyone opens at the same moment. Jetty's idle timeout (30 s) does not end a stream that waits
 * for its next event, and the heartbeat writes to every stream more often than that anyway.
 */
@Configuration(proxyBeanMethods = false)
class StreamConnections {

    private static final int STREAM_BUFFER = 4096;

    /** Called before a stream's first event: its response keeps a small buffer for as long as it is open. */
    static void smallBuffer(HttpServletResponse response) {
        response.setBufferSize(STREAM_BUFFER);
    }

    @Bean
    JettyServerCustomizer connectorForManyStreams() {
        return server -> {
            for (var connector : server.getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setAcceptQueueSize(1024);
                }
            }
        };
    }
}
