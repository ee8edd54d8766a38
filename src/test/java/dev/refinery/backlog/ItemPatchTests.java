package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ItemPatchTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void changesOnlyTheFieldsItNames() {
        var item = ReadinessTests.ready();

        var parsed = ItemPatch.fromJson(JSON.readTree("""
                {"title": "Pay by SEPA direct debit", "deadline": "2026-12-24", "key": "PAY-1", "version": 7,
                 "readiness": {"ready": true}}"""));
        var changed = parsed.patch().applyTo(item);

        assertThat(parsed.problems()).isEmpty();
        assertThat(changed.title()).isEqualTo("Pay by SEPA direct debit");
        assertThat(changed.deadline()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(changed.description()).isEqualTo(item.description());
        assertThat(changed.estimate()).isEqualTo(item.estimate());
    }

    @Test
    void mergesImportanceAndCustomFieldsWhereNullRemovesAnEntry() {
        var item = ItemPatch.empty()
            .importance(Map.of("businessValue", BigDecimal.ONE, "riskReduction", BigDecimal.TWO))
            .customFields(Map.of("Component", "API"))
            .applyTo(ItemContent.titled("Merge"));

        var changed = ItemPatch.fromJson(JSON.readTree("""
                {"importance": {"riskReduction": null, "timeCriticality": 5}, "customFields": {"Team": "Web"}}"""))
            .patch().applyTo(item);

        assertThat(changed.importance()).containsOnly(Map.entry("businessValue", BigDecimal.ONE),
                Map.entry("timeCriticality", new BigDecimal("5")));
        assertThat(changed.customFields()).containsOnly(Map.entry("Component", "API"), Map.entry("Team", "Web"));
    }

    @Test
    void namesEachFieldItCannotReadInsteadOfFailing() {
        var parsed = ItemPatch.fromJson(JSON.readTree("""
                {"title": 42, "links": "https://example.com", "estimate": {"value": "three", "unit": "points"},
                 "deadline": "next friday", "status": "finished", "followUpOf": "17", "colour": "red",
                 "importance": {"businessValue": "high"}}"""));

        assertThat(parsed.problems()).containsOnlyKeys("title", "links", "estimate.value", "deadline", "status",
                "followUpOf", "colour", "importance.businessValue");
    }

    @Test
    void readsEstimatesAsValueAndUnitOrAsAnOutcome() {
        var days = ItemPatch.fromJson(JSON.readTree("""
                {"estimate": {"value": 1.5, "unit": "days"}}""")).patch().applyTo(ItemContent.titled("x"));
        var unknown = ItemPatch.fromJson(JSON.readTree("""
                {"estimate": {"outcome": "unknown"}}""")).patch().applyTo(ItemContent.titled("x"));
        var quarter = ItemPatch.fromJson(JSON.readTree("""
                {"estimate": {"value": 0.25, "unit": "days"}}"""));

        assertThat(days.estimate()).hasToString("1.5 d");
        assertThat(unknown.estimate()).isEqualTo(Estimate.of(Estimate.Outcome.UNKNOWN));
        assertThat(quarter.problems()).containsEntry("estimate.value", "From 0 to 999, in steps of 0.5.");
    }
}
