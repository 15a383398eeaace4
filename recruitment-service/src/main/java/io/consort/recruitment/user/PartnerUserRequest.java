package io.consort.recruitment.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/partners/{id}/users}: a person to invite. */
@Schema(name = "PartnerUserRequest", example = """
        {"email": "sam.lee@acme-networks.example", "firstName": "Sam", "lastName": "Lee", "role": "PARTNER_USER"}""")
public record PartnerUserRequest(
        // Bean Validation's own @Email accepts "a@b"; a person who must receive Keycloak's mails needs a real domain.
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}",
                message = "must be an email address the person receives mail at") String email,
        @NotBlank @Size(max = 200) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_MESSAGE) String firstName,
        @NotBlank @Size(max = 200) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_MESSAGE) String lastName,
        @NotNull PartnerUserRole role) {

    /** What Keycloak's person-name validator of realm prm accepts; refused here as a 400, not later by Keycloak. */
    static final String PERSON_NAME = "[^" + PartnerUser.Person.NAME_PROHIBITED + "]*";
    static final String PERSON_NAME_MESSAGE = "must not contain any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )";
}
