package dev.refinery.identity;

class AuditLogOnH2Tests extends AuditLogTests {
}
