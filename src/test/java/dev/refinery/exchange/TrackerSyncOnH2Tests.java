package dev.refinery.exchange;

class TrackerSyncOnH2Tests extends TrackerSyncTests {
}
