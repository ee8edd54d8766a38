package dev.refinery.identity;

/** The sign-in form; {@code locked} says when to try again after too many failures, or is null. */
public record SignInPage(String email, boolean failed, boolean signedOut, boolean created, boolean signUpOpen, String locked) {
}
