package io.consort.recruitment.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
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
}
