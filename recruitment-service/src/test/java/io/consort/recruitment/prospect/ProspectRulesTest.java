package io.consort.recruitment.prospect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.support.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProspectRulesTest {

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
