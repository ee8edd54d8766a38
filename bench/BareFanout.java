import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The bare reference of the live benchmark: an SseEmitter fan-out to rooms and nothing else (no database, no security),
 * on the same server as Refinery (Jetty, from the same classpath) with the same connector.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BareFanout.Streams.class)
public class BareFanout {

    /** As Refinery's dev.refinery.live.StreamConnections: a 4 KB output buffer for each open stream. */
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

    @RestController
    static class Streams {

        private final Map<String, List<SseEmitter>> rooms = new ConcurrentHashMap<>();
        private final String payload = "<li id=\"seat-1\" class=\"seat\"><span class=\"seat-name\">Someone</span>"
                + "<span class=\"tick\">voted</span></li>";

        @GetMapping(path = "/stream", produces = "text/event-stream")
        SseEmitter stream(@RequestParam(name = "room", defaultValue = "0") String room) {
            var emitter = new SseEmitter(0L);
            var emitters = rooms.computeIfAbsent(room, name -> new CopyOnWriteArrayList<>());
            emitters.add(emitter);
            emitter.onCompletion(() -> emitters.remove(emitter));
            emitter.onError(error -> emitters.remove(emitter));
            try {
                // as Refinery sends the room's state: the client knows that its stream is open
                emitter.send(SseEmitter.event().name("hello").data("open"));
            }
            catch (IOException gone) {
                emitters.remove(emitter);
            }
            return emitter;
        }

        @PostMapping("/broadcast")
        void broadcast(@RequestParam(name = "room", defaultValue = "0") String room) {
            var emitters = rooms.getOrDefault(room, List.of());
            for (var emitter : emitters) {
                try {
                    emitter.send(SseEmitter.event().name("vote").data(payload));
                }
                catch (IOException | IllegalStateException gone) {
                    emitters.remove(emitter);
                }
            }
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(BareFanout.class, args);
    }
}
