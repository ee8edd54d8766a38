package dev.refinery.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The open streams of one room and who is behind each: one person may have several tabs open. */
final class Room {

    record Participant(long account, String name) {
    }

    private final Map<SseEmitter, Participant> streams = new ConcurrentHashMap<>();

    Room enter(SseEmitter stream, Participant who) {
        streams.put(stream, who);
        return this;
    }

    /** Who was behind the stream, when it was still in the room. */
    Participant leave(SseEmitter stream) {
        return streams.remove(stream);
    }

    List<SseEmitter> streams() {
        return List.copyOf(streams.keySet());
    }

    /** Everyone present, each name once, sorted. */
    List<String> present() {
        return streams.values().stream().map(Participant::name).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    Set<Long> accounts() {
        return streams.values().stream().map(Participant::account).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    boolean has(long account) {
        return streams.values().stream().anyMatch(participant -> participant.account() == account);
    }

    boolean empty() {
        return streams.isEmpty();
    }
}
