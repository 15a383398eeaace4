package io.consort.campaign.deal;

import io.consort.campaign.mdf.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DealRegistrationRequest", description = "An opportunity a partner registers.", examples = """
        {"customerName": "Müller Maschinenbau GmbH", "customerDomain": "www.müller-maschinenbau.de",
         "products": ["ANALYTICS-PRO"], "amount": {"amount": "48000.00", "currency": "EUR"},
         "expectedCloseDate": "2027-03-31"}""")
public record DealRegistrationRequest(
        @Schema(description = "The registering partner. Partner-side callers may omit it (their own partner); vendor-side "
                + "callers and integrators registering on a partner's behalf must give it.", format = "uuid", nullable = true)
        UUID partnerId,
        @Schema(required = true, maxLength = 200) @NotBlank @Size(max = 200) String customerName,
        @Schema(required = true, maxLength = 300, description = "The customer's domain or web address; compared "
                + "normalised (lower case, without www., IDN as punycode)")
        @NotBlank @Size(max = 300) String customerDomain,
        @Schema(required = true, minItems = 1, maxItems = 20, description = "Product codes (letters, digits, '.', '_', '-')")
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> products,
        @Schema(required = true) @NotNull @Valid Money amount,
        @Schema(required = true, format = "date") @NotNull LocalDate expectedCloseDate,
        @Schema(format = "uuid", nullable = true, description = "The lead it came from") UUID leadId,
        @Schema(format = "uuid", nullable = true, description = "The campaign it came from") UUID campaignId) {
}
