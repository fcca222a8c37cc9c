package com.contoso.linkedin.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Caller;
import com.contoso.linkedin.rest.RequestBodies.BatchBody;
import com.contoso.linkedin.rest.RequestBodies.ProfileCardsBody;
import com.contoso.linkedin.rest.ResponseBodies.BatchView;
import com.contoso.linkedin.rest.ResponseBodies.ProfileCardsView;

/** Many users at once: the batch check and the profile-card answer ({@link EligibilityAnswers}). */
@Path("/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
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
    public BatchView batch(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        var asked = answers.mayCheckBatch(access.caller(), tenantId);
        return answers.batch(asked, bodies.read(headers, body, BatchBody.class));
    }

    /** The viewer is named in the body, so the body is read before the viewer's grant is checked. */
    @POST
    @Path("/profile-cards/linkedin")
    public ProfileCardsView profileCards(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        Caller caller = access.caller();
        answers.mayAskForCards(caller, tenantId);
        ProfileCardsBody request = bodies.read(headers, body, ProfileCardsBody.class);
        return answers.cards(answers.maySeeCards(caller, tenantId, request), request);
    }
}
