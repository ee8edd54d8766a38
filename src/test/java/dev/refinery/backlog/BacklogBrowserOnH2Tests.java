package dev.refinery.backlog;

class BacklogBrowserOnH2Tests extends BacklogBrowserTests {
}
