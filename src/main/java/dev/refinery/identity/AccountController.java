package dev.refinery.identity;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** Administrators open accounts for the people of their instance (only administrators reach /admin). */
@Controller
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/accounts")
    String accounts(@RequestParam(required = false) String created, Model model) {
        return page(NewAccount.blank(), FieldErrors.NONE, created, model);
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

    private String page(NewAccount form, FieldErrors errors, String created, Model model) {
        model.addAttribute("page", new AccountsPage(accounts.all(), form, errors, created));
        return "identity/accounts";
    }
}
