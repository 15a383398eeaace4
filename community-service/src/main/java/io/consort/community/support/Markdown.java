package io.consort.community.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Rich text: Markdown is stored exactly as written and rendered on the way out by commonmark, whose HTML
 * jsoup then cleans against an allow-list, so raw HTML in a post (a {@code <script>}, an {@code onerror},
 * a {@code javascript:} link) never reaches a browser.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.relaxed().removeTags("img");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9]|[A-Za-z0-9])");
    private static final int MAX_MENTIONS = 20;

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        if (markdown == null) {
            return null;
        }
        return Jsoup.clean(RENDERER.render(PARSER.parse(markdown)), SAFE).strip();
    }

    /** The user names mentioned as {@code @name}, in order of first mention, at most twenty. */
    public static List<String> mentions(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(markdown == null ? "" : markdown);
        while (matcher.find() && names.size() < MAX_MENTIONS) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }
}
