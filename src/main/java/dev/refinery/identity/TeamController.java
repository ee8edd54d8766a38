package dev.refinery.identity;

import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
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
import dev.refinery.shared.RefinementHealth;
import dev.refinery.shared.Rejected;

/** The home page with the signed-in account's teams, and each team's own page with its members. */
@Controller
class TeamController {

    private final Teams teams;
    private final ObjectProvider<RefinementHealth> health;

    TeamController(Teams teams, ObjectProvider<RefinementHealth> health) {
        this.teams = teams;
        this.health = health;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInAccount me, Model model) {
        return home(me, NewTeam.blank(), FieldErrors.NONE, model);
    }

    @PostMapping("/teams")
    String create(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") NewTeam form,
            BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            return home(me, form, FieldErrors.of(binding), model);
        }
        try {
            var created = teams.create(form, me.id());
            return "redirect:/teams/" + created.team().key().value();
        }
        catch (Rejected rejected) {
            return home(me, form, FieldErrors.of(rejected), model);
        }
    }

    @GetMapping("/teams/{key}")
    String team(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key, Model model) {
        return team(me, key, NewMember.blank(), FieldErrors.NONE, model);
    }

    @PostMapping("/teams/{key}/members")
    String add(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key,
            @Valid @ModelAttribute("form") NewMember form, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            return team(me, key, form, FieldErrors.of(binding), model);
        }
        try {
            teams.add(key, form, me.id());
            return "redirect:/teams/" + key;
        }
        catch (Rejected rejected) {
            return team(me, key, form, FieldErrors.of(rejected), model);
        }
    }

    @PostMapping("/teams/{key}/members/{account}/role")
    String changeRole(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key, @PathVariable long account,
            @RequestParam String role, Model model) {
        try {
            teams.changeRole(key, new AccountId(account), role, me.id());
            return "redirect:/teams/" + key;
        }
        catch (Rejected rejected) {
            return team(me, key, NewMember.blank(), FieldErrors.of(rejected), model);
        }
    }

    @PostMapping("/teams/{key}/members/{account}/remove")
    String remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable String key, @PathVariable long account,
            Model model) {
        try {
            teams.remove(key, new AccountId(account), me.id());
            // Who removed themselves no longer sees the team.
            return me.id().value() == account ? "redirect:/" : "redirect:/teams/" + key;
        }
        catch (Rejected rejected) {
            return team(me, key, NewMember.blank(), FieldErrors.of(rejected), model);
        }
    }

    private String home(SignedInAccount me, NewTeam form, FieldErrors errors, Model model) {
        model.addAttribute("page", new HomePage(teams.of(me.id()), form, errors));
        return "identity/home";
    }

    private String team(SignedInAccount me, String key, NewMember form, FieldErrors errors, Model model) {
        var membership = teams.find(key, me.id());
        var health = this.health.stream().findFirst().map(answer -> answer.of(key, me.id().value())).orElse(null);
        model.addAttribute("page", new TeamPage(membership, teams.members(key, me.id()), form, errors, health));
        return "identity/team";
    }
}
