package dev.refinery.prioritization;

class QueueApiOnH2Tests extends QueueApiTests {
}
