package dev.refinery.identity;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** The administrator reads the audit log, newest first, filtered by kind, person and days (only administrators reach /admin). */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String kind, @RequestParam(required = false) String person,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String page, Model model) {
        var number = page == null || page.isBlank() ? null : parsed(page);
        var query = new AuditQuery(kind, person, from, to, number);
        try {
            var found = audit.find(query.filter());
            model.addAttribute("page", new AuditLogPage(query, FieldErrors.NONE, found.entries(), found.filter().page(),
                    found.more()));
        }
        catch (Rejected rejected) {
            model.addAttribute("page", new AuditLogPage(query, FieldErrors.of(rejected), List.of(), 1, false));
        }
        return "identity/audit";
    }

    private static Integer parsed(String page) {
        try {
            return Integer.valueOf(page.strip());
        }
        catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
