package io.consort.chassis.testhttp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

public record WidgetRequest(
        @NotBlank @Size(max = 200) String name,
        String code,
        @NotNull UUID partnerId,
        Color color,
        @Positive Integer size,
        @Valid IdealProfile idealProfile) {

    public enum Color { RED, GREEN }

    public record IdealProfile(List<@NotBlank String> regions) {
    }
}
