package dev.refinery.identity;

import java.util.List;

import dev.refinery.shared.FieldErrors;

public record TeamPage(Membership membership, List<Member> members, NewMember form, FieldErrors errors) {
}
