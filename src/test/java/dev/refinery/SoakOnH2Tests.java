package dev.refinery;

class SoakOnH2Tests extends SoakTests {

    @Override
    String sessionIdQuery() {
        return "SELECT SESSION_ID()";
    }
}
