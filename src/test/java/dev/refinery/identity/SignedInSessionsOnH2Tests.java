package dev.refinery.identity;

class SignedInSessionsOnH2Tests extends SignedInSessionsTests {
}
