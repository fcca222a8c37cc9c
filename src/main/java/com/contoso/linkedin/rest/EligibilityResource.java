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

    /** The batch is the profile-card service's question; a card may also be asked for by its viewer. */
    static final Grant[] MAY_CHECK_BATCH = { Grant.ELIGIBILITY_CHECKER_APP };
    static final Grant[] MAY_SEE_CARDS = { Grant.THE_USER, Grant.ELIGIBILITY_CHECKER_APP };

    @POST
    @Path("/linkedin-eligibility/batch")
    public BatchView batch(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        Access.Granted granted = access.require(tenantId, MAY_CHECK_BATCH);
        return batchView(eligibility, granted.tenantId(), bodies.read(headers, body, BatchBody.class));
    }

    /** The viewer is named in the body, so the body is read before the viewer's grant is checked. */
    @POST
    @Path("/profile-cards/linkedin")
    public ProfileCardsView profileCards(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        access.caller();
        ProfileCardsBody request = bodies.read(headers, body, ProfileCardsBody.class);
        Access.Granted granted = access.require(tenantId, request.viewerId(), MAY_SEE_CARDS);
        return cardsView(eligibility, granted.tenantId(), request);
    }

    /** The answer to an authorised batch, here and in {@link DirectRoutes}. */
    static BatchView batchView(EligibilityService eligibility, String tenantId, BatchBody request) {
        var evaluation = eligibility.check(tenantId, request.userIds(), request.client());
        List<EligibilityView> decisions = new ArrayList<>(request.userIds().size());
        for (int i = 0; i < request.userIds().size(); i++) {
            decisions.add(EligibilityView.of(tenantId, request.userIds().get(i), request.client(),
                    evaluation.decisions().get(i), evaluation.freshness()));
        }
        return new BatchView(decisions);
    }

    /** The answer to an authorised profile card, here and in {@link DirectRoutes}. */
    static ProfileCardsView cardsView(EligibilityService eligibility, String tenantId, ProfileCardsBody request) {
        var evaluation = eligibility.profileCards(tenantId, request.viewerId(), request.subjectIds());
        List<CardView> cards = new ArrayList<>(request.subjectIds().size());
        for (int i = 0; i < request.subjectIds().size(); i++) {
            cards.add(CardView.of(request.subjectIds().get(i), evaluation.cards().get(i)));
        }
        var freshness = evaluation.freshness();
        return new ProfileCardsView(request.viewerId(), freshness.settingVersion(), freshness.evaluatedAt().toString(),
                freshness.maxStalenessSeconds(), cards);
    }
}
