package dev.refinery.identity;

/** A token just created: the only moment its secret exists outside the caller's hands. */
public record IssuedApiToken(ApiToken token, String secret) {
}
