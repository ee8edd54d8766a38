package dev.refinery.meeting;

import dev.refinery.shared.OnPostgres;

@OnPostgres
class MeetingBrowserOnPostgresTests extends MeetingBrowserTests {
}
