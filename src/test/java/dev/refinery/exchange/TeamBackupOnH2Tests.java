package dev.refinery.exchange;

class TeamBackupOnH2Tests extends TeamBackupTests {
}
