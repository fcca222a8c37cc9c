package com.contoso.linkedin.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.domain.Card;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.EligibilityRules;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.service.EligibilityService.Freshness;
import com.contoso.linkedin.store.LinkedInStore;

/**
 * Everything one evaluation context can ask (OpenFeature's flags): the user's own decision and,
 * when a viewer is named, the profile card that viewer sees of the user. One snapshot: the tenant
 * once (from the cache) and both users in one read, so that the answers agree with each other and
 * cost what a profile card costs. The rules are {@link EligibilityRules}, as for every endpoint.
 */
@ApplicationScoped
public class ContextEvaluationService {

    private final LinkedInStore store;
    private final TenantCache tenants;
    private final Clock clock;

    public ContextEvaluationService(LinkedInStore store, TenantCache tenants, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** {@code card} is present when a viewer is named: the user is then the card's subject. */
    public record ContextEvaluation(Freshness freshness, Decision decision, Optional<Card> card) {
    }

    public ContextEvaluation evaluate(String tenantId, String userId, Client client, Optional<String> viewerId) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        Optional<Decision> byTenant = EligibilityRules.decidedByTenant(tenant);
        Decision decision;
        Optional<Card> card;
        if (byTenant.isPresent()) {
            decision = byTenant.get();
            card = viewerId.map(viewer -> Card.hidden(byTenant.get().reason()));
        } else if (viewerId.isEmpty()) {
            decision = EligibilityRules.decide(tenant, store.findUser(tenantId, userId), client);
            card = Optional.empty();
        } else {
            List<UserFacts> users = store.findUsers(tenantId, List.of(userId, viewerId.get()));
            UserFacts user = users.get(0);
            decision = EligibilityRules.decide(tenant, user, client);
            Decision viewer = EligibilityRules.decide(tenant, users.get(1), Client.PROFILE_CARD);
            card = Optional.of(EligibilityRules.cards(viewer, List.of(user)).get(0));
        }
        Freshness freshness = new Freshness(tenant.map(t -> t.setting().version()).orElse(0L),
                tenant.map(t -> t.setting().isDefault()).orElse(true), clock.instant(), tenants.maxStalenessSeconds());
        return new ContextEvaluation(freshness, decision, card);
    }
}
