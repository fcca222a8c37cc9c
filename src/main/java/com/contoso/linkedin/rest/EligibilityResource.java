package com.contoso.linkedin.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Caller;
import com.contoso.linkedin.rest.RequestBodies.BatchBody;
import com.contoso.linkedin.rest.RequestBodies.ProfileCardsBody;
import com.contoso.linkedin.rest.ResponseBodies.BatchView;
import com.contoso.linkedin.rest.ResponseBodies.ProfileCardsView;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;

/** Many users at once: the batch check and the profile-card answer ({@link EligibilityAnswers}). */
@Path("/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility", description = "May users see LinkedIn information: the profile-card service's questions.")
public class EligibilityResource {

    private final Access access;
    private final StrictJson bodies;
    private final EligibilityAnswers answers;

    public EligibilityResource(Access access, StrictJson bodies, EligibilityAnswers answers) {
        this.access = access;
        this.bodies = bodies;
        this.answers = answers;
    }

    @POST
    @Path("/linkedin-eligibility/batch")
    @Operation(operationId = "checkEligibilityBatch", summary = "The eligibility decision for up to 100 users",
            description = "One decision per id, in order. A tenant without a record answers 200 with TENANT_NOT_PROVISIONED.")
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = BatchBody.class),
            example = Examples.BATCH_BODY))
    @APIResponse(responseCode = "200", description = "The decisions.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = BatchView.class), example = Examples.BATCH_VIEW))
    public BatchView batch(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        var asked = answers.mayCheckBatch(access.caller(), tenantId);
        return answers.batch(asked, bodies.read(headers, body, BatchBody.class));
    }

    /** The viewer is named in the body, so the body is read before the viewer's grant is checked. */
    @POST
    @Path("/profile-cards/linkedin")
    @Operation(operationId = "getProfileCards", summary = "What the viewer's profile cards show of up to 100 subjects",
            description = """
                    The viewer's eligibility governs, the subject's visibility hides. One card per subject, in \
                    order. A tenant without a record answers 200 with TENANT_NOT_PROVISIONED.""")
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = ProfileCardsBody.class),
            example = Examples.PROFILE_CARDS_BODY))
    @APIResponse(responseCode = "200", description = "The cards.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = ProfileCardsView.class), example = Examples.PROFILE_CARDS_VIEW))
    public ProfileCardsView profileCards(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        Caller caller = access.caller();
        answers.mayAskForCards(caller, tenantId);
        ProfileCardsBody request = bodies.read(headers, body, ProfileCardsBody.class);
        return answers.cards(answers.maySeeCards(caller, tenantId, request), request);
    }
}
