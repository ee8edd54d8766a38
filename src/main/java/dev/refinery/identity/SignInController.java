package dev.refinery.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.Rejected;

/** Signing in, the first run and (when the setting allows it) self sign-up. */
@Controller
class SignInController {

    private final Accounts accounts;
    private final SingleSignOn singleSignOn;
    private final boolean signUpOpen;

    SignInController(Accounts accounts, SingleSignOn singleSignOn,
            @Value("${refinery.identity.self-sign-up:false}") boolean signUpOpen) {
        this.accounts = accounts;
        this.singleSignOn = singleSignOn;
        this.signUpOpen = signUpOpen;
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(required = false) String created, @RequestParam(required = false) String email,
            @RequestParam(required = false) String deactivated, @RequestParam(required = false) Long locked,
            @RequestParam(required = false) String refused, @RequestParam(required = false) String unavailable,
            @RequestParam(name = "passwords-off", required = false) String passwordsOff, HttpServletRequest request, Model model) {
        var providers = singleSignOn.providers().stream()
            .map(provider -> new SignInPage.Provider(provider.label(), provider.signInUrl()))
            .toList();
        String why = null;
        var session = request.getSession(false);
        if (refused != null && session != null && session.getAttribute(SecurityConfiguration.REFUSED) instanceof String message) {
            why = message;
            session.removeAttribute(SecurityConfiguration.REFUSED);
        }
        var down = unavailable == null ? null
                : singleSignOn.provider(unavailable).map(provider -> provider.label() + " sign-in is unavailable right now."
                        + " Try again in a few minutes" + (singleSignOn.localPasswords() ? ", or sign in with your password." : ".")).orElse(null);
        model.addAttribute("page", new SignInPage(email == null ? "" : email, error != null, signedOut != null || deactivated != null,
                created != null, signUpOpen, locked == null ? null : SignInLocked.message(Instant.ofEpochSecond(locked)),
                singleSignOn.localPasswords(), providers, why, down, passwordsOff != null));
        return "identity/sign-in";
    }

    @GetMapping("/setup")
    String setup(Model model) {
        requireFirstRun();
        model.addAttribute("page", AccountFormPage.firstRun(NewAccount.blank(), FieldErrors.NONE));
        return "identity/account-form";
    }

    @PostMapping("/setup")
    String setUp(@Valid @ModelAttribute("form") NewAccount form, BindingResult binding, Model model) {
        requireFirstRun();
        return open(form, binding, model, accounts::openFirstAdministrator, AccountFormPage::firstRun);
    }

    @GetMapping("/sign-up")
    String signUp(Model model) {
        requireSignUpOpen();
        model.addAttribute("page", AccountFormPage.signUp(NewAccount.blank(), FieldErrors.NONE));
        return "identity/account-form";
    }

    @PostMapping("/sign-up")
    String signUp(@Valid @ModelAttribute("form") NewAccount form, BindingResult binding, Model model) {
        requireSignUpOpen();
        return open(form, binding, model, accounts::open, AccountFormPage::signUp);
    }

    private String open(NewAccount form, BindingResult binding, Model model, Function<NewAccount, Account> opener,
            BiFunction<NewAccount, FieldErrors, AccountFormPage> page) {
        var errors = FieldErrors.of(binding);
        if (!binding.hasErrors()) {
            try {
                var account = opener.apply(form);
                return "redirect:/sign-in?created&email=" + UriUtils.encodeQueryParam(account.email(), StandardCharsets.UTF_8);
            }
            catch (Rejected rejected) {
                errors = FieldErrors.of(rejected);
            }
        }
        model.addAttribute("page", page.apply(form, errors));
        return "identity/account-form";
    }

    private void requireFirstRun() {
        if (accounts.anyExists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private void requireSignUpOpen() {
        if (!signUpOpen) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
