package dev.refinery.estimation;

class EstimateHintsOnH2Tests extends EstimateHintsTests {
}
