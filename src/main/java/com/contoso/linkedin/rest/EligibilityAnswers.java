package com.contoso.linkedin.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.identity.Caller;
import com.contoso.linkedin.identity.ForbiddenException;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.identity.Granted;
import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.rest.RequestBodies.BatchBody;
import com.contoso.linkedin.rest.RequestBodies.ProfileCardsBody;
import com.contoso.linkedin.rest.ResponseBodies.BatchView;
import com.contoso.linkedin.rest.ResponseBodies.CardView;
import com.contoso.linkedin.rest.ResponseBodies.EligibilityView;
import com.contoso.linkedin.rest.ResponseBodies.ProfileCardsView;
import com.contoso.linkedin.service.EligibilityService;

/**
 * The three questions asked on every profile card drawn (one user's eligibility, a batch, a
 * profile card) and who may ask them: the one source of these answers for the REST resources,
 * the Lambda hot routes ({@code lambda.HotRoutes}) and OpenFeature. Each question is two steps:
 * {@code may…} checks the caller and the ids in the contract's order and reads nothing; the
 * answer reads the store.
 */
@ApplicationScoped
public class EligibilityAnswers {
    /** The user about themselves, or the profile-card service. */
    public static final Grant[] MAY_CHECK = { Grant.THE_USER, Grant.ELIGIBILITY_CHECKER_APP };
    /** A batch is the profile-card service's question only. */
    public static final Grant[] MAY_CHECK_BATCH = { Grant.ELIGIBILITY_CHECKER_APP };
    /** The viewer, or the profile-card service. */
    public static final Grant[] MAY_SEE_CARDS = { Grant.THE_USER, Grant.ELIGIBILITY_CHECKER_APP };

    private final EligibilityService eligibility;

    public EligibilityAnswers(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    public Granted mayCheck(Caller caller, String rawTenantId, String rawUserId) {
        return Granted.require(caller, rawTenantId, rawUserId, MAY_CHECK);
    }

    public EligibilityView check(Granted asked, Client client) {
        var evaluation = eligibility.check(asked.tenantId(), List.of(asked.userId()), client);
        countDecision(evaluation.decisions().get(0), client);
        return EligibilityView.of(asked.tenantId(), asked.userId(), client, evaluation.decisions().get(0),
                evaluation.freshness());
    }

    public Granted mayCheckBatch(Caller caller, String rawTenantId) {
        return Granted.require(caller, rawTenantId, null, MAY_CHECK_BATCH);
    }

    public BatchView batch(Granted asked, BatchBody request) {
        var evaluation = eligibility.check(asked.tenantId(), request.userIds(), request.client());
        Metrics.size("BatchSize", request.userIds().size());
        evaluation.decisions().forEach(decision -> countDecision(decision, request.client()));
        List<EligibilityView> decisions = new ArrayList<>(request.userIds().size());
        for (int i = 0; i < request.userIds().size(); i++) {
            decisions.add(EligibilityView.of(asked.tenantId(), request.userIds().get(i), request.client(),
                    evaluation.decisions().get(i), evaluation.freshness()));
        }
        return new BatchView(decisions);
    }

    /**
     * Before the body that names the viewer is read: a caller who could be the viewer of no card
     * of this tenant (neither the service nor a signed-in user of it) is refused at once.
     */
    public void mayAskForCards(Caller caller, String rawTenantId) {
        Granted.require(caller, rawTenantId, caller.objectId().orElse(null), MAY_SEE_CARDS);
    }

    /**
     * Before a body that names tenant and user is read (OpenFeature): a caller who may ask about
     * nobody at all (neither the service nor a signed-in user) is refused at once.
     */
    public void mayAskAtAll(Caller caller) {
        if (!Grant.anyAdmits(caller, caller.tenantId().orElse(""), caller.objectId().orElse(""), MAY_CHECK)) {
            throw new ForbiddenException();
        }
    }

    public Granted maySeeCards(Caller caller, String rawTenantId, ProfileCardsBody request) {
        return Granted.require(caller, rawTenantId, request.viewerId(), MAY_SEE_CARDS);
    }

    public ProfileCardsView cards(Granted asked, ProfileCardsBody request) {
        var evaluation = eligibility.profileCards(asked.tenantId(), request.viewerId(), request.subjectIds());
        Metrics.size("CardsPerRequest", request.subjectIds().size());
        evaluation.cards().forEach(card -> Metrics.count("Cards", "Reason", card.reason().name(), "Level",
                card.level().name()));
        List<CardView> cards = new ArrayList<>(request.subjectIds().size());
        for (int i = 0; i < request.subjectIds().size(); i++) {
            cards.add(CardView.of(request.subjectIds().get(i), evaluation.cards().get(i)));
        }
        var freshness = evaluation.freshness();
        return new ProfileCardsView(request.viewerId(), freshness.settingVersion(), ResponseBodies.text(freshness.evaluatedAt()),
                freshness.maxStalenessSeconds(), cards);
    }

    private static void countDecision(Decision decision, Client client) {
        Metrics.count("Decisions", "Reason", decision.reason().name(), "Client", client.name());
    }

    /** The {@code client} query parameter: absent is {@code PROFILE_CARD}. */
    public static Client client(Optional<String> name) {
        if (name.isEmpty()) {
            return Client.PROFILE_CARD;
        }
        for (Client client : Client.values()) {
            if (client.name().equals(name.get())) {
                return client;
            }
        }
        throw new InvalidInputException("client must be PROFILE_CARD or OFFICE_DESKTOP");
    }
}
