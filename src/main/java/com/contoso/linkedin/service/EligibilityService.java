package com.contoso.linkedin.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.domain.Card;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.EligibilityRules;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.LinkedInStore;

/**
 * The hot path. Tenant data comes from the per-instance cache; user data is read fresh, with one
 * GetItem for one user and one batch read for many, and not at all when the tenant alone decides.
 */
@ApplicationScoped
public class EligibilityService {

    private final LinkedInStore store;
    private final TenantCache tenants;
    private final Clock clock;

    public EligibilityService(LinkedInStore store, TenantCache tenants, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * How fresh the tenant data behind an answer is, and which setting decided it: its version, and
     * whether it is the default no admin has written (true for a tenant without record).
     */
    public record Freshness(long settingVersion, boolean defaultSetting, Instant evaluatedAt, long maxStalenessSeconds) {
    }

    public record Evaluation(Freshness freshness, List<Decision> decisions) {
    }

    public record CardsEvaluation(Freshness freshness, List<Card> cards) {
    }

    public Evaluation check(String tenantId, List<String> userIds, Client client) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        List<Decision> decisions = new ArrayList<>(userIds.size());
        Optional<Decision> byTenant = EligibilityRules.decidedByTenant(tenant);
        if (byTenant.isPresent()) {
            userIds.forEach(id -> decisions.add(byTenant.get()));
        } else {
            for (UserFacts user : readUsers(tenantId, userIds)) {
                decisions.add(EligibilityRules.decide(tenant, user, client));
            }
        }
        return new Evaluation(freshness(tenant), decisions);
    }

    /** The viewer's eligibility governs; the subjects' own privacy choice hides them. */
    public CardsEvaluation profileCards(String tenantId, String viewerId, List<String> subjectIds) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        Optional<Decision> byTenant = EligibilityRules.decidedByTenant(tenant);
        List<Card> cards;
        if (byTenant.isPresent()) {
            cards = subjectIds.stream().map(id -> Card.hidden(byTenant.get().reason())).toList();
        } else {
            List<String> everyone = new ArrayList<>(subjectIds.size() + 1);
            everyone.add(viewerId);
            everyone.addAll(subjectIds);
            List<UserFacts> users = readUsers(tenantId, everyone);
            Decision viewer = EligibilityRules.decide(tenant, users.get(0), Client.PROFILE_CARD);
            cards = EligibilityRules.cards(viewer, users.subList(1, users.size()));
        }
        return new CardsEvaluation(freshness(tenant), cards);
    }

    private List<UserFacts> readUsers(String tenantId, List<String> userIds) {
        return userIds.size() == 1 ? List.of(store.findUser(tenantId, userIds.get(0)))
                : store.findUsers(tenantId, userIds);
    }

    private Freshness freshness(Optional<Tenant> tenant) {
        return new Freshness(tenant.map(t -> t.setting().version()).orElse(0L),
                tenant.map(t -> t.setting().isDefault()).orElse(true), clock.instant(), tenants.maxStalenessSeconds());
    }
}
