package io.consort.community.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
