package dev.refinery.identity;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.NotFound;
import dev.refinery.shared.Rejected;

/**
 * Administrators open, deactivate and reactivate the accounts of their instance and set new passwords (only
 * administrators reach /admin).
 */
@Controller
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/accounts")
    String accounts(@RequestParam(required = false) String created,
            @RequestParam(name = "password-set", required = false) Long passwordSet, Model model) {
        var notice = created != null ? "Created the account " + created + "."
                : passwordSet != null ? accounts.find(new AccountId(passwordSet))
                    .map(account -> "Set a new password for " + account.email() + ": tell it to them.").orElse(null)
                : null;
        return page(NewAccount.blank(), FieldErrors.NONE, notice, model);
    }

    @PostMapping("/admin/accounts")
    String open(@Valid @ModelAttribute("form") NewAccount form, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            return page(form, FieldErrors.of(binding), null, model);
        }
        try {
            var account = accounts.open(form);
            return "redirect:/admin/accounts?created=" + UriUtils.encodeQueryParam(account.email(), StandardCharsets.UTF_8);
        }
        catch (Rejected rejected) {
            return page(form, FieldErrors.of(rejected), null, model);
        }
    }

    @PostMapping("/admin/accounts/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model) {
        try {
            accounts.deactivate(new AccountId(id), me.id());
            return "redirect:/admin/accounts";
        }
        catch (Rejected rejected) {
            return page(NewAccount.blank(), FieldErrors.of(rejected), null, model);
        }
    }

    @PostMapping("/admin/accounts/{id}/reactivate")
    String reactivate(@PathVariable long id) {
        accounts.reactivate(new AccountId(id));
        return "redirect:/admin/accounts";
    }

    @GetMapping("/admin/accounts/{id}/password")
    String password(@PathVariable long id, Model model) {
        return passwordPage(id, FieldErrors.NONE, model);
    }

    @PostMapping("/admin/accounts/{id}/password")
    String setPassword(@PathVariable long id, @Valid @ModelAttribute("form") NewPassword form, BindingResult binding,
            Model model) {
        if (binding.hasErrors()) {
            return passwordPage(id, FieldErrors.of(binding), model);
        }
        accounts.setPassword(new AccountId(id), form);
        return "redirect:/admin/accounts?password-set=" + id;
    }

    private String passwordPage(long id, FieldErrors errors, Model model) {
        var account = accounts.find(new AccountId(id)).orElseThrow(() -> new NotFound("No account " + id + "."));
        model.addAttribute("page", new AccountPasswordPage(account, errors));
        return "identity/account-password";
    }

    private String page(NewAccount form, FieldErrors errors, String notice, Model model) {
        model.addAttribute("page", new AccountsPage(accounts.listed(), form, errors, notice));
        return "identity/accounts";
    }
}
