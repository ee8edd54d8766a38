package dev.refinery.identity;

class SignInProtectionOnH2Tests extends SignInProtectionTests {
}
