package dev.refinery.identity;

import java.util.List;

import dev.refinery.shared.FieldErrors;

public record HomePage(List<Membership> teams, NewTeam form, FieldErrors errors) {
}
