package dev.refinery.identity;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriUtils;

import dev.refinery.shared.FieldErrors;

/** The administrator's audit log: the filters as typed, their errors, and the page of entries they found. */
public record AuditLogPage(AuditQuery query, FieldErrors errors, List<AuditEntry> entries, int page, boolean more) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    public AuditLogPage {
        entries = List.copyOf(entries);
    }

    public List<AuditKind> kinds() {
        return List.of(AuditKind.values());
    }

    public String kind() {
        return query.kind();
    }

    public String person() {
        return query.person();
    }

    public String from() {
        return query.from();
    }

    public String to() {
        return query.to();
    }

    public String shown(AuditEntry entry) {
        return SHOWN.format(entry.at());
    }

    public String pageUrl(int number) {
        var parameters = new ArrayList<String>();
        add(parameters, "kind", query.kind());
        add(parameters, "person", query.person());
        add(parameters, "from", query.from());
        add(parameters, "to", query.to());
        parameters.add("page=" + number);
        return "/admin/audit?" + String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
        }
    }
}
