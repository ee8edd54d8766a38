package dev.refinery.identity;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/me/tokens")
@Tag(name = "API tokens")
class ApiTokenApiController {

    private final ApiTokens tokens;

    ApiTokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(operationId = "listApiTokens", summary = "The caller's personal API tokens with their last use (never the tokens themselves)")
    List<ApiToken> list(@AuthenticationPrincipal SignedInAccount me) {
        return tokens.of(me.id());
    }

    @PostMapping
    @Operation(operationId = "createApiToken",
            summary = "Creates a personal API token; the answer is the only time the token itself is shown")
    ResponseEntity<IssuedApiToken> create(@AuthenticationPrincipal SignedInAccount me, @Valid @RequestBody NewApiToken token,
            UriComponentsBuilder uri) {
        var issued = tokens.issue(me.id(), token);
        return ResponseEntity.created(uri.path("/api/v1/me/tokens/{id}").build(issued.token().id())).body(issued);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeApiToken", summary = "Revokes one of the caller's tokens at once, on every node")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id) {
        tokens.revoke(me.id(), id);
        return ResponseEntity.noContent().build();
    }
}
