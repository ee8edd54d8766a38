package dev.refinery.identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Audit log")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    @Operation(operationId = "auditLog",
            summary = "The audit log, newest first, 50 entries a page (administrators only)")
    AuditPage audit(
            @Parameter(description = "Only entries of this kind, such as sign-in-failed or role-changed")
            @RequestParam(required = false) String kind,
            @Parameter(description = "Only entries whose actor's email contains this") @RequestParam(required = false) String person,
            @Parameter(description = "From this day on (UTC), as 2026-03-31") @RequestParam(required = false) String from,
            @Parameter(description = "Up to and including this day (UTC)") @RequestParam(required = false) String to,
            @Parameter(description = "The page, from 1") @RequestParam(required = false) Integer page) {
        return audit.find(new AuditQuery(kind, person, from, to, page).filter());
    }
}
