package dev.refinery.reporting;

class ReportsApiOnH2Tests extends ReportsApiTests {
}
