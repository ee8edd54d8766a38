package dev.refinery.identity;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import dev.refinery.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class AccountApiController {

    private final Accounts accounts;

    AccountApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/me")
    @Operation(summary = "The account that signed this request")
    Account me(@AuthenticationPrincipal SignedInAccount me) {
        return me.account();
    }

    @PostMapping("/users")
    @Operation(operationId = "openAccount", summary = "Opens an account (administrators only)")
    ResponseEntity<Account> open(@Valid @RequestBody NewAccount account, UriComponentsBuilder uri) {
        var opened = accounts.open(account);
        return ResponseEntity.created(uri.path("/api/v1/users/{id}").build(opened.id().value())).body(opened);
    }

    @PostMapping("/users/{id}/deactivate")
    @Operation(operationId = "deactivateAccount",
            summary = "Deactivates an account (administrators only): its sessions and tokens stop at once, on every node")
    ResponseEntity<Void> deactivate(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id) {
        accounts.deactivate(new AccountId(id), me.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{id}/reactivate")
    @Operation(operationId = "reactivateAccount", summary = "Lets a deactivated account sign in again (administrators only)")
    ResponseEntity<Void> reactivate(@PathVariable long id) {
        accounts.reactivate(new AccountId(id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/users/{id}/password")
    @Operation(operationId = "setPassword", summary = "Sets a new password for an account (administrators only)")
    ResponseEntity<Void> setPassword(@PathVariable long id, @Valid @RequestBody NewPassword password) {
        accounts.setPassword(new AccountId(id), password);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/me/password")
    @Operation(operationId = "changeOwnPassword", summary = "Changes the caller's own password; the current one is required")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal SignedInAccount me, @Valid @RequestBody PasswordChange change) {
        accounts.changePassword(me.id(), change);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "One account (administrators only)")
    Account account(@PathVariable long id) {
        return accounts.find(new AccountId(id))
            .orElseThrow(() -> new NotFound("No account " + id + "."));
    }
}
