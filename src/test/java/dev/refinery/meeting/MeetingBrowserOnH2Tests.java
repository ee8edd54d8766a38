package dev.refinery.meeting;

class MeetingBrowserOnH2Tests extends MeetingBrowserTests {
}
