package dev.refinery.identity;

import java.time.Clock;
import java.util.LinkedHashMap;

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

import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** Each person's own page: their password and their personal API tokens. */
@Controller
class OwnAccountController {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Clock clock;

    OwnAccountController(Accounts accounts, ApiTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInAccount me,
            @RequestParam(name = "password-changed", required = false) String passwordChanged, Model model) {
        return page(me, NewApiToken.blank(), FieldErrors.NONE, null, FieldErrors.NONE, passwordChanged != null, model);
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("passwordForm") PasswordChange form,
            BindingResult binding, Model model) {
        var errors = FieldErrors.of(binding);
        if (!binding.hasErrors()) {
            try {
                accounts.changePassword(me.id(), form);
                return "redirect:/account?password-changed";
            }
            catch (Rejected rejected) {
                errors = FieldErrors.of(rejected);
            }
        }
        return page(me, NewApiToken.blank(), FieldErrors.NONE, null, errors, false, model);
    }

    /** Answers with the page itself rather than a redirect: the new token must not travel in a URL or a session. */
    @PostMapping("/account/tokens")
    String issue(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("tokenForm") NewApiToken form,
            BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            return page(me, form, errors(binding), null, FieldErrors.NONE, false, model);
        }
        return page(me, NewApiToken.blank(), FieldErrors.NONE, tokens.issue(me.id(), form), FieldErrors.NONE, false, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id) {
        tokens.revoke(me.id(), id);
        return "redirect:/account";
    }

    /** A number field that got no number is told so in words, not with the conversion's exception. */
    private static FieldErrors errors(BindingResult binding) {
        var messages = new LinkedHashMap<>(FieldErrors.of(binding).byField());
        var days = binding.getFieldError("expiresInDays");
        if (days != null && days.isBindingFailure()) {
            messages.put("expiresInDays", "Enter a number of days from 1 to 365.");
        }
        return new FieldErrors(messages);
    }

    private String page(SignedInAccount me, NewApiToken form, FieldErrors errors, IssuedApiToken issued,
            FieldErrors passwordErrors, boolean passwordChanged, Model model) {
        model.addAttribute("page", new OwnAccountPage(me.account(), tokens.of(me.id()), clock.instant(), form, errors, issued,
                passwordErrors, passwordChanged));
        return "identity/own-account";
    }
}
