package dev.refinery.estimation;

class PokerBrowserOnH2Tests extends PokerBrowserTests {
}
