package dev.refinery.estimation;

class PokerApiOnH2Tests extends PokerApiTests {
}
