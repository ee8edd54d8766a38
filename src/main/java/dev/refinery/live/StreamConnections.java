package dev.refinery.live;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jetty for many open streams. An open SSE stream keeps its response's output buffer for as long as it is open,
 * 32 KB by default: at 4 KB, 10,000 streams take 280 MB less memory, and a page larger than that is written in a
 * few steps instead of one. The accept queue holds a thousand connections at once (the JDK's default is 50), for
 * a meeting that everyone opens at the same moment. Jetty's idle timeout (30 s) does not end a stream that waits
 * for its next event, and the heartbeat writes to every stream more often than that anyway.
 */
@Configuration(proxyBeanMethods = false)
class StreamConnections {

    @Bean
    JettyServerCustomizer connectorForManyStreams() {
        return server -> {
            for (var connector : server.getConnectors()) {
                var http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.getHttpConfiguration().setOutputBufferSize(4096);
                }
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setAcceptQueueSize(1024);
                }
            }
        };
    }
}
