package io.consort.community.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
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
    private static final Set<String> NOT_MENTIONABLE = Set.of("code", "pre", "a");

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        if (markdown == null) {
            return null;
        }
        return Jsoup.clean(RENDERER.render(PARSER.parse(markdown)), SAFE).strip();
    }

    /**
     * The sanitised HTML with every mention (as {@link #mentions} finds them) wrapped in
     * {@code <span class="mention" data-handle="name">@name</span>}. The spans are added after cleaning, which
     * strips any {@code class} or {@code data-} attribute the author wrote, so a mention span is always one of
     * ours.
     */
    public static String toSafeHtmlWithMentions(String markdown) {
        String html = toSafeHtml(markdown);
        if (html == null || html.indexOf('@') < 0) {
            return html;
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        for (TextNode text : mentionableText(body)) {
            String value = text.getWholeText();
            Matcher matcher = MENTION.matcher(value);
            int from = 0;
            Node last = text;
            List<Node> replacement = new ArrayList<>();
            while (matcher.find()) {
                replacement.add(new TextNode(value.substring(from, matcher.start())));
                replacement.add(new Element("span").attr("class", "mention").attr("data-handle", matcher.group(1))
                        .text("@" + matcher.group(1)));
                from = matcher.end();
            }
            if (replacement.isEmpty()) {
                continue;
            }
            replacement.add(new TextNode(value.substring(from)));
            for (Node node : replacement) {
                last.after(node);
                last = node;
            }
            text.remove();
        }
        return body.html();
    }

    /**
     * The user names mentioned as {@code @name} in the rendered text (not in code, not in links, not in e-mail
     * addresses), in order of first mention, at most twenty.
     */
    public static List<String> mentions(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        String html = toSafeHtml(markdown);
        if (html == null || html.indexOf('@') < 0) {
            return List.of();
        }
        for (TextNode text : mentionableText(Jsoup.parseBodyFragment(html).body())) {
            Matcher matcher = MENTION.matcher(text.getWholeText());
            while (matcher.find() && names.size() < MAX_MENTIONS) {
                names.add(matcher.group(1));
            }
        }
        return List.copyOf(names);
    }

    private static boolean mentionable(Node node) {
        for (Element e = node.parent() instanceof Element p ? p : null; e != null; e = e.parent()) {
            if (NOT_MENTIONABLE.contains(e.normalName())) {
                return false;
            }
        }
        return true;
    }

    /** The text nodes a mention may be in: outside code, preformatted blocks and links. */
    private static List<TextNode> mentionableText(Element root) {
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text && text.getWholeText().indexOf('@') >= 0 && mentionable(text)) {
                texts.add(text);
            }
        }, root);
        return texts;
    }
}
