package io.consort.community.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void rendersMarkdownToHtml() {
        assertEquals("<p>Use <strong>deal registration</strong> first.</p>", Markdown.toSafeHtml("Use **deal registration** first."));
    }

    @Test
    void aScriptInAPostNeverReachesTheBrowser() {
        String html = Markdown.toSafeHtml("Hi <script>alert('x')</script>\n\n<img src=x onerror=alert(1)>"
                + "\n\n[click](javascript:alert(1)) <a href=\"https://ok.example\" onclick=\"steal()\">ok</a>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("href=\"https://ok.example\""), html);
    }

    /**
     * The usual ways past a sanitiser: every element left is one the allow-list keeps, no event handler or style
     * attribute survives, every link is http(s), mailto or ftp, and no markup is smuggled in as text. The same holds
     * for the rendering with mention spans.
     */
    @Test
    void noScriptVectorSurvivesRendering() {
        List<String> attacks = List.of(
                "<script>alert(1)</script>", "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
                "<scr<script>ipt>alert(1)</scr</script>ipt>", "<iframe src=\"https://evil.example\"></iframe>",
                "<svg onload=alert(1)><circle/></svg>", "<img src=x onerror=alert(1)>", "![t](https://evil.example/t.png)",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a href=\"java&#x09;script:alert(1)\">x</a>",
                "[x](javascript&#58;alert(1))", "[x](javascript:alert(1))", "<javascript:alert(1)>",
                "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox(1))", "[x](//evil.example/path)",
                "<style>p{background:url(javascript:alert(1))}</style>", "<p style=\"background:url(x)\">s</p>",
                "<form action=\"https://evil.example\"><input name=a><button>go</button></form>",
                "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "<base href=\"https://evil.example/\">",
                "<details open ontoggle=alert(1)>d</details>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<a href=\"https://ok.example\" onmouseover=\"alert(1)\" target=\"_blank\">ok</a>",
                "@ada <b onclick=alert(1)>bold</b> `<script>` @bob");
        Set<String> allowed = Set.of("p", "a", "b", "strong", "em", "i", "code", "pre", "blockquote", "ul", "ol", "li",
                "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "span", "table", "thead", "tbody", "tr", "th", "td", "del",
                "body");
        for (String attack : attacks) {
            for (String html : List.of(Markdown.toSafeHtml(attack), Markdown.toSafeHtmlWithMentions(attack))) {
                assertFalse(html.toLowerCase().contains("<script"), attack + " -> " + html);
                for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                    assertTrue(allowed.contains(element.normalName()), attack + " left <" + element.normalName() + ">: " + html);
                    for (Attribute attribute : element.attributes()) {
                        String name = attribute.getKey().toLowerCase();
                        assertFalse(name.startsWith("on") || name.equals("style") || name.equals("src"), attack + " -> " + html);
                        if (name.equals("href")) {
                            assertTrue(attribute.getValue().matches("(?i)(https?|mailto|ftp):.*"), attack + " -> " + html);
                        }
                    }
                }
            }
        }
    }

    @Test
    void findsMentionsButNotEmailAddresses() {
        assertEquals(List.of("ada", "grace.hopper"),
                Markdown.mentions("Thanks @ada and @grace.hopper, mail me at bob@example.com or @ada again"));
    }

    @Test
    void mentionsInCodeOrLinksDoNotCountAndRenderedMentionsAreMarked() {
        String markdown = "Ask @ada, not `@bob` or [@carol](https://x.example)\n\n    @dave in code\n\n"
                + "<span class=\"mention\" data-handle=\"eve\">eve</span> and 1 < 2 @grace";
        assertEquals(List.of("ada", "grace"), Markdown.mentions(markdown));
        String html = Markdown.toSafeHtmlWithMentions(markdown);
        assertTrue(html.contains("Ask <span class=\"mention\" data-handle=\"ada\">@ada</span>, not"), html);
        assertTrue(html.contains("<code>@bob</code>"), html);
        assertTrue(html.contains("1 &lt; 2 <span class=\"mention\" data-handle=\"grace\">@grace</span>"), html);
        assertFalse(html.contains("data-handle=\"eve\""), html);
        assertFalse(html.contains("data-handle=\"bob\""), html);
        assertFalse(html.contains("data-handle=\"dave\""), html);
        assertEquals(Markdown.toSafeHtml("no mentions here"), Markdown.toSafeHtmlWithMentions("no mentions here"));
    }
}
