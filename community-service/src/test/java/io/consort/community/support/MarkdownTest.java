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
}
