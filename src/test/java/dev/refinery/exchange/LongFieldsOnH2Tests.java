package dev.refinery.exchange;

class LongFieldsOnH2Tests extends LongFieldsTests {
}
