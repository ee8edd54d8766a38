package dev.refinery.meeting;

class SessionApiOnH2Tests extends SessionApiTests {
}
