package io.consort.recruitment.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebsitesTest {

    @ParameterizedTest
    @CsvSource({
            "acme.example,                          acme.example",
            "https://www.Acme.Example/about?x=1,    acme.example",
            "http://shop.acme.co.uk:8443,           acme.co.uk",
            "https://www.acme.co.uk/about,          acme.co.uk",
            "acme.co.uk,                            acme.co.uk",
            "https://eu.shop.acme.com,              acme.com",
            "https://acme.github.io,                acme.github.io",
            "https://shop.acme.example,             shop.acme.example",
            "'  https://acme-networks.example.  ',  acme-networks.example",
            "https://bücher.example,                xn--bcher-kva.example"
    })
    void theDomainIsTheRegistrableDomainOrTheHostWithoutWww(String website, String domain) {
        assertEquals(Optional.of(domain), Websites.domainOf(website));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "acme", "localhost", "ftp://acme.example", "https://10.0.0.1", "http://[::1]/",
            "https://user:pw@acme.example", "https://-acme.example", "not a website", "https://acme..example",
            "javascript:alert(1)" })
    void anythingButAPublicWebsiteIsRefused(String website) {
        assertTrue(Websites.domainOf(website).isEmpty(), website);
    }

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
            "https://a." + "b".repeat(63), "https://a." + "b".repeat(64), "https://a.b-c", "https://a.example//x/", "a.example:80", "a.example/x://y",
            "user@a.example", "/a.example", "a..example", "www.", "x://a.example", "http:/a.example");

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
            Optional<String> parsed = website.isBlank() ? Optional.empty() : Websites.parsedDomainOf(website);
            assertEquals(parsed, Websites.domainOf(website), website);
            String plain = Websites.plainDomain(website);
            if (plain != null) {
                handRead++;
                assertEquals(parsed.orElse(null), plain, website);
            }
        }
        assertTrue(handRead > 1_000, "the random cases reach the hand-reading: " + handRead);
        assertEquals("company-3-1.example", Websites.plainDomain("https://company-3-1.example"));
        assertEquals("northwind.example", Websites.plainDomain("https://www.northwind.example/"));
        assertNull(Websites.plainDomain("https://bücher.example"), "international names go to Websites");
        assertNotNull(Websites.domainOf("https://bücher.example").orElse(null));
        assertEquals("northwind.example", Websites.plainDomain("www.northwind.example"), "a domain as typed, without a scheme");
        assertNull(Websites.plainDomain("ftp://northwind.example"));
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
}
