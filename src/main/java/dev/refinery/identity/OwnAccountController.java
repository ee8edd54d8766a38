package dev.refinery.identity;

import java.time.Clock;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
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

/** Each person's own page: their password, their personal API tokens, and where they are signed in. */
@Controller
class OwnAccountController {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final SignedInSessions sessions;
    private final Clock clock;

    OwnAccountController(Accounts accounts, ApiTokens tokens, SignedInSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInAccount me,
            @RequestParam(name = "password-changed", required = false) String passwordChanged,
            @RequestParam(name = "signed-out", required = false) Integer signedOut, HttpServletRequest request, Model model) {
        return page(me, NewApiToken.blank(), FieldErrors.NONE, null, FieldErrors.NONE, passwordChanged != null, signedOut,
                request, model);
    }

    /** Ends every other session of this account at once, on every node (they are rows in the database). */
    @PostMapping("/account/sessions/sign-out-others")
    String signOutOthers(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
        return "redirect:/account?signed-out=" + sessions.signOutOthers(me, currentSession(request)) + "#sessions";
    }

    /** Ends one other session of this account; a handle of another account's session (or of none) changes nothing. */
    @PostMapping("/account/sessions/{handle}/sign-out")
    String signOut(@AuthenticationPrincipal SignedInAccount me, @PathVariable String handle, HttpServletRequest request) {
        sessions.signOut(me, handle, currentSession(request));
        return "redirect:/account?signed-out=1#sessions";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("passwordForm") PasswordChange form,
            BindingResult binding, HttpServletRequest request, Model model) {
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
        return page(me, NewApiToken.blank(), FieldErrors.NONE, null, errors, false, null, request, model);
    }

    /** Answers with the page itself rather than a redirect: the new token must not travel in a URL or a session. */
    @PostMapping("/account/tokens")
    String issue(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("tokenForm") NewApiToken form,
            BindingResult binding, HttpServletRequest request, Model model) {
        if (binding.hasErrors()) {
            return page(me, form, errors(binding), null, FieldErrors.NONE, false, null, request, model);
        }
        return page(me, NewApiToken.blank(), FieldErrors.NONE, tokens.issue(me.id(), form), FieldErrors.NONE, false, null,
                request, model);
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
            FieldErrors passwordErrors, boolean passwordChanged, Integer signedOut, HttpServletRequest request, Model model) {
        model.addAttribute("page", new OwnAccountPage(me.account(), tokens.of(me.id()), clock.instant(), form, errors, issued,
                passwordErrors, passwordChanged, sessions.of(me, currentSession(request)), signedOut));
        return "identity/own-account";
    }

    private static String currentSession(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
