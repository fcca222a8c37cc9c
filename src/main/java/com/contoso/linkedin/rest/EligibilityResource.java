package com.contoso.linkedin.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.rest.Bodies.BatchBody;
import com.contoso.linkedin.rest.Bodies.ProfileCardsBody;
import com.contoso.linkedin.rest.Views.BatchView;
import com.contoso.linkedin.rest.Views.CardView;
import com.contoso.linkedin.rest.Views.EligibilityView;
import com.contoso.linkedin.rest.Views.ProfileCardsView;
import com.contoso.linkedin.service.EligibilityService;

/** Many users at once: the batch check and the profile-card answer. */
@Path("/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
public class EligibilityResource {

    private final Access access;
    private final JsonBodies bodies;
    private final EligibilityService eligibility;

    public EligibilityResource(Access access, JsonBodies bodies, EligibilityService eligibility) {
        this.access = access;
        this.bodies = bodies;
        this.eligibility = eligibility;
    }

    @POST
    @Path("/linkedin-eligibility/batch")
    public BatchView batch(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        Access.Granted granted = access.require(tenantId, Grant.ELIGIBILITY_CHECKER_APP);
        BatchBody request = bodies.read(headers, body, BatchBody.class);
        var evaluation = eligibility.check(granted.tenantId(), request.userIds(), request.client());
        List<EligibilityView> decisions = new ArrayList<>(request.userIds().size());
        for (int i = 0; i < request.userIds().size(); i++) {
            decisions.add(EligibilityView.of(granted.tenantId(), request.userIds().get(i), request.client(),
                    evaluation.decisions().get(i), evaluation.freshness()));
        }
        return new BatchView(decisions);
    }

    /** The viewer is named in the body, so the body is read before the viewer's grant is checked. */
    @POST
    @Path("/profile-cards/linkedin")
    public ProfileCardsView profileCards(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        access.caller();
        ProfileCardsBody request = bodies.read(headers, body, ProfileCardsBody.class);
        Access.Granted granted = access.require(tenantId, request.viewerId(), Grant.THE_USER,
                Grant.ELIGIBILITY_CHECKER_APP);
        var evaluation = eligibility.profileCards(granted.tenantId(), request.viewerId(), request.subjectIds());
        List<CardView> cards = new ArrayList<>(request.subjectIds().size());
        for (int i = 0; i < request.subjectIds().size(); i++) {
            cards.add(CardView.of(request.subjectIds().get(i), evaluation.cards().get(i)));
        }
        var freshness = evaluation.freshness();
        return new ProfileCardsView(request.viewerId(), freshness.settingVersion(), freshness.evaluatedAt().toString(),
                freshness.maxStalenessSeconds(), cards);
    }
}
