package dev.refinery.exchange;

class ImportApiOnH2Tests extends ImportApiTests {
}
