package dev.refinery.exchange;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.refinery.identity.SignedInAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Webhooks", description = "Signed POSTs to a team's receivers (Standard Webhooks), retried for a day; facilitators only")
class WebhookApiController {

    private final Webhooks webhooks;

    WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/api/v1/webhook-events")
    @Operation(operationId = "webhookEvents", summary = "The events a webhook can want, each with an example of the body its receiver gets")
    List<WebhookPayload.Kind> events() {
        return WebhookPayload.kinds();
    }

    @GetMapping("/api/v1/teams/{team}/webhooks")
    @Operation(operationId = "listWebhooks", summary = "The team's webhooks, with their secrets")
    List<Webhook> list(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return webhooks.list(team, me.id());
    }

    @PostMapping("/api/v1/teams/{team}/webhooks")
    @Operation(operationId = "createWebhook", summary = "Adds a webhook; its secret (whsec_...) is generated and returned",
            responses = @ApiResponse(responseCode = "201", description = "Created, with the secret to check signatures with",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Webhook.class))))
    ResponseEntity<Webhook> create(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestBody WebhookForm form, UriComponentsBuilder uri) {
        var created = webhooks.create(team, form, me.id());
        return ResponseEntity.created(uri.path("/api/v1/teams/{team}/webhooks/{id}").buildAndExpand(team, created.id()).toUri())
            .body(created);
    }

    @GetMapping("/api/v1/teams/{team}/webhooks/{id}")
    @Operation(operationId = "findWebhook", summary = "A webhook; pausedReason says why it was turned off after a day of failed deliveries")
    Webhook find(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        return webhooks.find(team, id, me.id());
    }

    @PutMapping("/api/v1/teams/{team}/webhooks/{id}")
    @Operation(operationId = "changeWebhook", summary = "Changes a webhook as it was at the version sent; active=true resumes a paused one")
    Webhook change(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id,
            @RequestBody WebhookForm form) {
        return webhooks.change(team, id, form, me.id());
    }

    @DeleteMapping("/api/v1/teams/{team}/webhooks/{id}")
    @Operation(operationId = "removeWebhook", summary = "Removes a webhook, its queued events and its log",
            responses = @ApiResponse(responseCode = "204", description = "Removed"))
    ResponseEntity<Void> remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        webhooks.remove(team, id, me.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/teams/{team}/webhooks/{id}/deliveries")
    @Operation(operationId = "webhookDeliveries", summary = "The delivery log, newest first: each attempt's time, status code, duration and first 2 KB of the answer")
    List<WebhookAttempt> deliveries(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable long id) {
        return webhooks.log(team, id, me.id());
    }

    @PostMapping("/api/v1/teams/{team}/webhooks/{id}/test")
    @Operation(operationId = "testWebhook", summary = "Queues a webhook.test event for this hook, sent within seconds",
            responses = @ApiResponse(responseCode = "202", description = "Queued"))
    ResponseEntity<Void> test(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team, @PathVariable long id) {
        webhooks.sendTest(team, id, me.id());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/teams/{team}/webhooks/{id}/messages/{message}/resend")
    @Operation(operationId = "resendWebhookMessage", summary = "Sends an event again (the message of a log entry), with a new day of retries",
            responses = @ApiResponse(responseCode = "202", description = "Queued"))
    ResponseEntity<Void> resend(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @PathVariable long id, @PathVariable long message) {
        webhooks.resend(team, id, message, me.id());
        return ResponseEntity.accepted().build();
    }
}
