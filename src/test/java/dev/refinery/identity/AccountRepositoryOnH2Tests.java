package dev.refinery.identity;

class AccountRepositoryOnH2Tests extends AccountRepositoryTests {
}
