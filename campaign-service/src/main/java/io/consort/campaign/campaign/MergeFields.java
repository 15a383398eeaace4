package io.consort.campaign.campaign;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merge fields of campaign assets, rendered with Qute. Authors write {@code {{partner.name}}} (the syntax
 * the vendor's e-mail tools use); each such field becomes a Qute expression and every other brace is
 * escaped, so a stylesheet's {@code {color:red}} stays text. HTML bodies are parsed as {@code text/html},
 * so Qute escapes every partner-supplied value (a display name with {@code <script>} arrives as text);
 * subjects and text bodies are plain. Publishing refuses any field not in {@link #KNOWN} and any stray
 * {@code {{}} or {@code }}}, so a typo is a 422 at publish, never a blank in a partner's e-mail.
 */
@ApplicationScoped
public class MergeFields {

    /** The merge fields a campaign asset may use. */
    public static final Set<String> KNOWN = Set.of("partner.name", "partner.contactEmail", "partner.logoUrl",
            "partner.website", "campaign.name", "trackedLink");

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*)*)\\s*}}");

    private final Engine engine;

    @Inject
    public MergeFields(Engine engine) {
        this.engine = engine;
    }

    /** The values one partner's rendering uses. */
    public record Values(String partnerName, String contactEmail, String logoUrl, String website, String campaignName,
            String trackedLink) {
    }

    /** Every problem with the merge fields of {@code source}, as "asset 'x' html: unknown merge field {{partner.nme}}". */
    public static List<String> problems(String where, String source) {
        List<String> problems = new ArrayList<>();
        if (source == null) {
            return problems;
        }
        Matcher matcher = FIELD.matcher(source);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            if (!KNOWN.contains(matcher.group(1))) {
                problems.add(where + ": unknown merge field {{" + matcher.group(1) + "}}");
            }
            rest.append(source, last, matcher.start()).append(' ');
            last = matcher.end();
        }
        rest.append(source.substring(last));
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            problems.add(where + ": malformed merge field (a {{ or }} that is not {{name.of.field}})");
        }
        return problems;
    }

    /** Renders {@code source} for one partner; {@code html} escapes the values. */
    public String render(String source, boolean html, Values values) {
        if (source == null) {
            return null;
        }
        Template template = engine.parse(toQute(source), html ? Variant.forContentType(Variant.TEXT_HTML)
                : Variant.forContentType("text/plain"));
        Map<String, Object> partner = new LinkedHashMap<>();
        partner.put("name", orEmpty(values.partnerName()));
        partner.put("contactEmail", orEmpty(values.contactEmail()));
        partner.put("logoUrl", orEmpty(values.logoUrl()));
        partner.put("website", orEmpty(values.website()));
        return template.data("partner", partner)
                .data("campaign", Map.of("name", orEmpty(values.campaignName())))
                .data("trackedLink", orEmpty(values.trackedLink()))
                .render();
    }

    /** {@code {{a.b}}} → Qute's {@code {a.b}}; every other brace escaped so Qute prints it. */
    static String toQute(String source) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        Matcher matcher = FIELD.matcher(source);
        int last = 0;
        while (matcher.find()) {
            escape(source.substring(last, matcher.start()), out);
            out.append('{').append(matcher.group(1)).append('}');
            last = matcher.end();
        }
        escape(source.substring(last), out);
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '}') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
