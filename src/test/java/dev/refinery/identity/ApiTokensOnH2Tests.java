package dev.refinery.identity;

class ApiTokensOnH2Tests extends ApiTokensTests {
}
