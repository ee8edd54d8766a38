package dev.refinery.prioritization;

class QueueBrowserOnH2Tests extends QueueBrowserTests {
}
