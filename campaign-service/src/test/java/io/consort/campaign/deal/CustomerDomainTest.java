package io.consort.campaign.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerDomainTest {

    @ParameterizedTest
    @CsvSource({
            "example.com, example.com",
            "Example.COM, example.com",
            "www.example.com, example.com",
            "WWW.Example.com., example.com",
            "  https://www.example.com/contact?x=1 , example.com",
            "http://example.com:8080, example.com",
            "sales@example.com, example.com",
            "shop.example.co.uk, shop.example.co.uk",
            "www.www.example.com, example.com",
            "müller-maschinenbau.de, xn--mller-maschinenbau-m6b.de",
            "MÜLLER-Maschinenbau.DE, xn--mller-maschinenbau-m6b.de",
            "https://www.müller-maschinenbau.de/, xn--mller-maschinenbau-m6b.de",
            "xn--mller-maschinenbau-m6b.de, xn--mller-maschinenbau-m6b.de",
            "XN--MLLER-MASCHINENBAU-M6B.DE, xn--mller-maschinenbau-m6b.de",
            "bücher.example, xn--bcher-kva.example",
            "wwwexample.com, wwwexample.com"
    })
    void normalisesCaseWwwSchemePathPortAndPunycode(String input, String expected) {
        assertEquals(expected, CustomerDomain.normalise(input));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "localhost", "example", "exa mple.com", "-example.com", "example-.com",
            "exa_mple.com", "example..com", ".example.com", "www.", "http://", "😀" })
    void refusesWhatIsNotADomainName(String input) {
        assertThrows(IllegalArgumentException.class, () -> CustomerDomain.normalise(input));
    }

    @org.junit.jupiter.api.Test
    void refusesNullAndOverlongNames() {
        assertThrows(IllegalArgumentException.class, () -> CustomerDomain.normalise(null));
        assertThrows(IllegalArgumentException.class, () -> CustomerDomain.normalise("a".repeat(64) + ".com"));
        String longName = ("a".repeat(60) + ".").repeat(5) + "com";
        assertThrows(IllegalArgumentException.class, () -> CustomerDomain.normalise(longName));
    }
}
