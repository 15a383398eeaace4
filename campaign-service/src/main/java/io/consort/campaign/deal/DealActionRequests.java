package io.consort.campaign.deal;

import io.consort.campaign.mdf.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the action endpoints. */
public final class DealActionRequests {

    private DealActionRequests() {
    }

    @Schema(name = "DealNoteRequest", examples = "{\"note\": \"Please name the customer's purchasing contact.\"}")
    public record Note(@Schema(required = true, maxLength = 2000) @NotBlank @Size(max = 2000) String note) {
    }

    @Schema(name = "DealRejectRequest", examples = "{\"reason\": \"The customer is a direct account.\"}")
    public record Reject(@Schema(required = true, maxLength = 2000) @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "DealWinRequest", examples = "{\"closedOn\": \"2027-02-15\", \"amount\": {\"amount\": \"51000.00\", \"currency\": \"EUR\"}}")
    public record Win(
            @Schema(required = true, format = "date") @NotNull LocalDate closedOn,
            @Schema(nullable = true, description = "The final amount, in the registration's currency; absent: as registered")
            @Valid Money amount) {
    }

    @Schema(name = "DealLoseRequest", examples = "{\"reason\": \"Customer chose a competitor.\", \"closedOn\": \"2027-02-15\"}")
    public record Lose(
            @Schema(nullable = true, maxLength = 2000) @Size(max = 2000) String reason,
            @Schema(nullable = true, format = "date") LocalDate closedOn) {
    }
}
