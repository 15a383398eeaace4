package io.consort.campaign.enrolment;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every asset of a campaign rendered for one enrolment. */
@Schema(name = "EnrolmentPreview", description = "The campaign's assets with the partner's co-branding merged in", examples = """
        {"enrolmentId":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f","assets":[{"name":"Invitation",
         "subject":"Nordic Cloud AB invites you","text":"Register: https://prm.example.com/t/q3ZJ9kq0TGe1bYcJ2w4xVg",
         "html":"<p>Register <a href=\\"https://prm.example.com/t/q3ZJ9kq0TGe1bYcJ2w4xVg\\">here</a></p>"}]}""")
public record PreviewResponse(
        @Schema(required = true, format = "uuid") java.util.UUID enrolmentId,
        @Schema(required = true) List<RenderedAsset> assets) {

    @Schema(name = "RenderedAsset", description = "One asset rendered", examples = """
            {"name":"Invitation","subject":"Nordic Cloud AB invites you","text":"Hello","html":"<p>Hello</p>"}""")
    public record RenderedAsset(@Schema(required = true) String name, @Schema(nullable = true) String subject,
            @Schema(nullable = true) String text, @Schema(nullable = true) String html) {
    }
}
