package dev.refinery.reporting;

class DeliveryFactsOnH2Tests extends DeliveryFactsTests {
}
