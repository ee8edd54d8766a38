package dev.refinery.exchange;

import org.junit.jupiter.api.Test;

import dev.refinery.backlog.Criterion;

import static org.assertj.core.api.Assertions.assertThat;

class TaskListTests {

    @Test
    void takesOpenAndDoneTasksOfEveryListMarkerOutOfTheBody() {
        var tasks = TaskList.of("Intro\n- [ ] one\n* [x] two\n+ [X] three\n1. [ ] four\n  - [ ] nested\nEnd");

        assertThat(tasks.criteria()).containsExactly(new Criterion("one", false), new Criterion("two", true),
                new Criterion("three", true), new Criterion("four", false), new Criterion("nested", false));
        assertThat(tasks.rest()).isEqualTo("Intro\nEnd");
    }

    @Test
    void leavesTasksInsideFencedCodeAndLinesThatOnlyLookLikeTasks() {
        var body = "```\n- [ ] in code\n```\n- [] not a task\n- [ ]\n[x] no marker";

        var tasks = TaskList.of(body);

        assertThat(tasks.criteria()).isEmpty();
        assertThat(tasks.rest()).isEqualTo(body);
    }

    @Test
    void keepsTasksPastTheMostAnItemHoldsInTheBody() {
        var body = new StringBuilder();
        for (int i = 1; i <= 52; i++) {
            body.append("- [ ] task ").append(i).append('\n');
        }
        body.append("- [ ] ").append("x".repeat(1001));

        var tasks = TaskList.of(body.toString());

        assertThat(tasks.criteria()).hasSize(50).last().isEqualTo(new Criterion("task 50", false));
        assertThat(tasks.rest()).startsWith("- [ ] task 51\n- [ ] task 52\n- [ ] xxx");
    }
}
