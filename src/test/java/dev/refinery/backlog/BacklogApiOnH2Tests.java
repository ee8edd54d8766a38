package dev.refinery.backlog;

class BacklogApiOnH2Tests extends BacklogApiTests {
}
