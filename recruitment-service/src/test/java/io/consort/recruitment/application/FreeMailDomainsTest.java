package io.consort.recruitment.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FreeMailDomainsTest {

    private final FreeMailDomains standard = FreeMailDomains.standard();

    @ParameterizedTest
    @ValueSource(strings = { "gmail.com", "googlemail.com", "outlook.com", "outlook.de", "hotmail.com", "hotmail.co.uk",
            "yahoo.com", "yahoo.de", "yahoo.co.jp", "yahoo.com.br", "icloud.com", "proton.me", "protonmail.com",
            "gmx.de", "gmx.net", "web.de", "mail.ru", "qq.com", "163.com", "yandex.ru" })
    void theProvidersReviewersMeetAreFreeMail(String domain) {
        assertTrue(standard.contains(domain), domain);
    }

    @ParameterizedTest
    @ValueSource(strings = { "acme-networks.example", "notgmail.com", "gmail.com.acme.example", "mygmx.de",
            "yahoo.acme-networks.example", "web.de.acme.example", "mail.rus", "" })
    void companyDomainsAndLookAlikesAreNot(String domain) {
        assertFalse(standard.contains(domain), domain);
    }

    @Test
    void aPlainEntryCoversItsSubdomains() {
        FreeMailDomains list = FreeMailDomains.of(List.of("gmail.com"));
        assertTrue(list.contains("eu.gmail.com"));
        assertFalse(list.contains("gmail.co"));
    }

    @Test
    void aProviderEntryCoversCountryAndGenericEndingsOnly() {
        FreeMailDomains list = FreeMailDomains.of(List.of("yahoo.*"));
        assertTrue(list.contains("yahoo.fr"));
        assertTrue(list.contains("yahoo.co.uk"));
        assertFalse(list.contains("yahoo.example.co.uk"));
        assertFalse(list.contains("mail.yahoo.com"), "providers match on the first label");
        assertFalse(list.contains("yahoo"));
    }

    @Test
    void commentsAndBlankLinesAreIgnoredAndEntriesAreCaseInsensitive() {
        FreeMailDomains list = FreeMailDomains.of(List.of("# a comment", "", "  GMX.*  # German", "Web.DE"));
        assertTrue(list.contains("gmx.at"));
        assertTrue(list.contains("web.de"));
        assertFalse(list.contains("a.comment"));
    }

    @Test
    void aMalformedEntryIsRefusedRatherThanNeverMatching() {
        assertThrows(IllegalArgumentException.class, () -> FreeMailDomains.of(List.of("*.gmail.com")));
        assertThrows(IllegalArgumentException.class, () -> FreeMailDomains.of(List.of("gmail com")));
        assertThrows(IllegalArgumentException.class, () -> FreeMailDomains.of(List.of("@gmail.com")));
    }

    @Test
    void theShippedListIsLoaded() {
        assertTrue(standard.size() > 50, "entries: " + standard.size());
    }
}
