package io.consort.recruitment.prospect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.support.Websites;
import io.consort.recruitment.support.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProspectRulesTest {

    static final List<String> WEBSITES = List.of(
            "https://company-3-1.example", "http://northwind.example/about/us", "https://www.northwind.example/",
            "https://www.www.northwind.example", "https://www.example", "https://www.", "https://", "http://a.b",
            "https://a.example.", "https://a..example", "https://-a.example", "https://a-.example", "https://a_b.example",
            "https://123.example", "https://a.123", "https://a.e1", "https://xn--bcher-kva.example", "https://a.xn--p1ai",
            "https://A.example", "HTTPS://a.example", "https://a.example:8080", "https://user@a.example",
            "https://a.example?q=1", "https://a.example#top", "https://a.example/%20", "https://a.example/ a",
            " https://a.example", "https://a.example ", "ftp://a.example", "a.example", "www.a.example",
            "https://bücher.example", "https://192.168.1.1", "https://a.example/~me/x_y.html",
            "https://" + "a".repeat(63) + ".example", "https://" + "a".repeat(64) + ".example",
            "https://" + ("a".repeat(61) + ".").repeat(4) + "example", "https://www." + ("a".repeat(61) + ".").repeat(4) + "ex",
            "https://a." + "b".repeat(63), "https://a." + "b".repeat(64), "https://a.b-c", "https://a.example//x/");

    @Test
    void theHandReadDomainIsWebsitesOwnAnswer() {
        List<String> cases = new ArrayList<>(WEBSITES);
        Random random = new Random(7);
        String[] prefixes = { "https://", "http://", "https://www.", "http://www.", "", "HTTPS://", "https://WWW." };
        for (int i = 0; i < 20_000; i++) {
            StringBuilder website = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            for (int labels = random.nextInt(4); labels > 0; labels--) {
                website.append(random(random, "abcz09-", "_A:@%ü", random.nextInt(9))).append('.');
            }
            website.append(random(random, "abcxyz", "0-A.", random.nextInt(5)));
            if (random.nextBoolean()) {
                website.append('/').append(random(random, "ab~_.-/", "%? #A", random.nextInt(6)));
            }
            cases.add(website.toString());
        }
        int handRead = 0;
        for (String website : cases) {
            assertEquals(Websites.domainOf(website), ProspectRules.domainOf(website), website);
            String plain = ProspectRules.plainDomain(website);
            if (plain != null) {
                handRead++;
                assertEquals(Websites.domainOf(website).orElse(null), plain, website);
            }
        }
        assertTrue(handRead > 1_000, "the random cases reach the hand-reading: " + handRead);
        assertEquals("company-3-1.example", ProspectRules.plainDomain("https://company-3-1.example"));
        assertEquals("northwind.example", ProspectRules.plainDomain("https://www.northwind.example/"));
        assertNull(ProspectRules.plainDomain("https://bücher.example"), "international names go to Websites");
        assertNotNull(Websites.domainOf("https://bücher.example").orElse(null));
    }

    /** Characters from {@code usual}, one in twenty from {@code odd}. */
    private static String random(Random random, String usual, String odd, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String from = random.nextInt(20) == 0 ? odd : usual;
            text.append(from.charAt(random.nextInt(from.length())));
        }
        return text.toString();
    }

    @Test
    void isCodeIsTheUpperSnakePattern() {
        Pattern code = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
        Random random = new Random(11);
        String alphabet = "AZM09_a-É ";
        List<String> cases = new ArrayList<>(List.of("", "A", "A".repeat(40), "A".repeat(41), "_A", "0A", "AB_9"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(44); n > 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(value.toString());
        }
        for (String value : cases) {
            assertEquals(code.matcher(value).matches(), Codes.isCode(value), value);
        }
    }

    @Test
    void repeatedCodesAreKeptOnceInTheirFirstOrder() {
        ProspectRules.Result result = ProspectRules.check(new ProspectRequest("Northwind", null, null, null,
                List.of("RETAIL", "FINANCE", "RETAIL"), List.of("SIEM", "SIEM"), null, null, null, null));
        assertEquals(List.of("RETAIL", "FINANCE"), result.prospect().industries());
        assertEquals(List.of("SIEM"), result.prospect().specialisations());
        assertEquals(List.of(), result.prospect().certifications());
    }
}
