package dev.refinery.identity;

class IdentityApiOnH2Tests extends IdentityApiTests {
}
