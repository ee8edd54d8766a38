package dev.refinery;

class CleanupOnH2Tests extends CleanupTests {
}
