package com.contoso.linkedin.domain;

import java.util.List;
import java.util.Optional;

/**
 * The decision table of the contract (SPEC section 3) as one pure function, and the profile-card
 * rule built on it. Rules run in order; the first that fails gives the reason.
 */
public final class EligibilityRules {

    private EligibilityRules() {
    }

    public static Decision decide(Optional<Tenant> maybeTenant, UserFacts user, Client client) {
        Optional<Decision> byTenant = decidedByTenant(maybeTenant);
        if (byTenant.isPresent()) {
            return byTenant.get();
        }
        Tenant tenant = maybeTenant.get();
        TenantSetting setting = tenant.setting();
        if (setting.mode() == IntegrationMode.SELECTED && !isSelected(user, setting)) {
            return Decision.notEligible(Reason.NOT_SELECTED);
        }
        if (client == Client.OFFICE_DESKTOP) {
            if (user.officePolicy() == OfficePolicy.DISABLED) {
                return Decision.notEligible(Reason.DISABLED_BY_OFFICE_POLICY);
            }
            if (!user.officeFeaturesOn()) {
                return Decision.notEligible(Reason.DISABLED_BY_USER);
            }
        }
        Optional<Connection> connection = user.connection().filter(c -> c.countsIn(tenant));
        boolean connected = connection.isPresent();
        boolean shareWorkData = connection.map(c -> c.consent() == Consent.BOTH_WAYS).orElse(false);
        return new Decision(Reason.ELIGIBLE, connected, shareWorkData);
    }

    /**
     * Rules 1 to 4, which depend on the tenant alone: when one fails, no user data is needed to
     * answer, for any user of the tenant.
     */
    public static Optional<Decision> decidedByTenant(Optional<Tenant> maybeTenant) {
        if (maybeTenant.isEmpty()) {
            return Optional.of(Decision.notEligible(Reason.TENANT_NOT_PROVISIONED));
        }
        Tenant tenant = maybeTenant.get();
        Reason availability = tenant.availability();
        if (availability != Reason.ELIGIBLE) {
            return Optional.of(Decision.notEligible(availability));
        }
        if (tenant.setting().mode() == IntegrationMode.DISABLED) {
            return Optional.of(Decision.notEligible(Reason.DISABLED_BY_TENANT));
        }
        return Optional.empty();
    }

    private static boolean isSelected(UserFacts user, TenantSetting setting) {
        return user.selectedOneByOne() || user.groupIds().contains(setting.selectedGroupId());
    }

    /**
     * One card per subject, in order. The selection governs the viewer, not the subject: an
     * eligible viewer sees every subject that has not hidden their profile.
     */
    public static List<Card> cards(Decision viewer, List<UserFacts> subjects) {
        return subjects.stream().map(subject -> card(viewer, subject)).toList();
    }

    private static Card card(Decision viewer, UserFacts subject) {
        if (!viewer.eligible()) {
            return Card.hidden(viewer.reason());
        }
        if (!subject.profileVisibleInMicrosoftApps()) {
            return Card.hidden(Reason.SUBJECT_HIDDEN);
        }
        return new Card(true, viewer.connected() ? CardLevel.CONNECTED : CardLevel.PUBLIC, Reason.ELIGIBLE);
    }
}
