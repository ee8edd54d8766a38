package dev.refinery.backlog;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.refinery.identity.SignedInAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams/{team}/template")
@Tag(name = "Template")
class TemplateApiController {

    record FieldJson(String name, CustomField.Type type, List<String> options, boolean requiredForReady) {
    }

    /** The importance inputs are set by the scoring model ({@code PUT .../scoring}) and only shown here. */
    record TemplateJson(List<FieldJson> customFields, List<Importance> importanceInputs, Set<Section> definitionOfReady,
            int version) {

        static TemplateJson of(Template template) {
            return new TemplateJson(template.customFields().stream()
                .map(f -> new FieldJson(f.name(), f.type(), f.options(), f.requiredForReady()))
                .toList(), template.importanceInputs(), template.definitionOfReady(), template.version());
        }

        Template toTemplate() {
            return new Template(customFields == null ? List.of() : customFields.stream()
                .map(f -> new CustomField(null, f.name() == null ? null : f.name().strip(), f.type(), f.options(),
                        f.requiredForReady()))
                .toList(), definitionOfReady == null ? Set.of() : definitionOfReady, version);
        }
    }

    private final TeamTemplates templates;

    TemplateApiController(TeamTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "The team's custom fields and Definition of Ready")
    TemplateJson template(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team) {
        return TemplateJson.of(templates.of(team, me.id()));
    }

    @PutMapping
    @Operation(summary = "Replaces the custom fields and Definition of Ready (facilitators only; send the version you read)")
    TemplateJson save(@AuthenticationPrincipal SignedInAccount me, @PathVariable String team,
            @RequestBody TemplateJson template) {
        return TemplateJson.of(templates.save(team, template.toTemplate(), me.id()));
    }
}
