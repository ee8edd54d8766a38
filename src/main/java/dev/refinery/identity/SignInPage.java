package dev.refinery.identity;

public record SignInPage(String email, boolean failed, boolean signedOut, boolean created, boolean signUpOpen) {
}
