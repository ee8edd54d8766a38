package dev.refinery.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sessions of one account, read from and removed in Spring Session's tables: a session removed here is gone for
 * every node at once, since every node reads sessions from the database on each request.
 */
@Component
class SignedInSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** The newest use first; {@code currentId} is the session of the request that asks (null when it has none). */
    List<SignedInSession> of(SignedInAccount me, String currentId) {
        return sessions.findByPrincipalName(me.getUsername()).values().stream()
            .map(session -> new SignedInSession(handle(session.getId()), session.getCreationTime(), session.getLastAccessedTime(),
                    Objects.requireNonNullElse(session.<String>getAttribute(SignInPlace.USER_AGENT), ""),
                    Objects.requireNonNullElse(session.<String>getAttribute(SignInPlace.ADDRESS), ""),
                    session.getId().equals(currentId)))
            .sorted(Comparator.comparing((SignedInSession session) -> !session.current())
                .thenComparing(SignedInSession::lastUsed, Comparator.reverseOrder()))
            .toList();
    }

    /** Signs out the one session with this handle, if it is this account's and not the current one. */
    void signOut(SignedInAccount me, String handle, String currentId) {
        sessions.findByPrincipalName(me.getUsername()).keySet().stream()
            .filter(id -> !id.equals(currentId) && handle(id).equals(handle))
            .forEach(sessions::deleteById);
    }

    /** Signs out every session of this account but the current one; answers how many. */
    int signOutOthers(SignedInAccount me, String currentId) {
        var others = sessions.findByPrincipalName(me.getUsername()).keySet().stream().filter(id -> !id.equals(currentId)).toList();
        others.forEach(sessions::deleteById);
        return others.size();
    }

    private static String handle(String sessionId) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
