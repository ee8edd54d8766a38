package dev.refinery.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.refinery.shared.Sweep;

/**
 * Removes webhook messages that were delivered or given up, with their delivery log, once neither they nor any attempt
 * at them is younger than {@code refinery.cleanup.webhook-messages-kept}. A message still to be sent is never removed.
 */
@Component
class WebhookMessageSweep implements Sweep {

    private final JdbcClient jdbc;
    private final Duration kept;

    WebhookMessageSweep(JdbcClient jdbc, @Value("${refinery.cleanup.webhook-messages-kept:P30D}") Duration kept) {
        this.jdbc = jdbc;
        this.kept = kept;
    }

    @Override
    public String kind() {
        return "webhook-messages";
    }

    @Override
    public long sweep(Instant now) {
        return jdbc.sql("""
                DELETE FROM exchange_webhook_message
                WHERE status IN ('delivered', 'failed') AND created_at < :before
                  AND NOT EXISTS (SELECT 1 FROM exchange_webhook_attempt attempt
                                  WHERE attempt.message_id = exchange_webhook_message.id AND attempt.attempted_at >= :before)
                """)
            .param("before", OffsetDateTime.ofInstant(now.minus(kept), ZoneOffset.UTC))
            .update();
    }
}
