package com.contoso.linkedin.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native image: Jackson writes these records by reflection. Quarkus REST registers the declared
 * return types of resource methods itself, but not a {@link Problem} handed to a Response by the
 * exception mapper, nor, by name, the records nested in lists; listing every view here makes the
 * native build independent of how far that discovery goes. The request bodies carry their own
 * annotation ({@link Bodies}). NativeReadinessTest fails when a view or body is left out.
 */
@RegisterForReflection(targets = {
        Problem.class,
        Views.TenantView.class, Views.SettingView.class, Views.StateView.class, Views.AuditEntryView.class,
        Views.AuditPageView.class, Views.SelectionView.class, Views.GroupMembersView.class,
        Views.OfficePolicyView.class, Views.OfficeOptionView.class, Views.VisibilityView.class,
        Views.ConnectionView.class, Views.EligibilityView.class, Views.BatchView.class, Views.CardView.class,
        Views.ProfileCardsView.class })
final class NativeReflection {
    private NativeReflection() {
    }
}
