package dev.refinery;

class MetricsOnH2Tests extends MetricsTests {
}
