package dev.refinery.identity;

class OidcAccountsOnH2Tests extends OidcAccountsTests {
}
