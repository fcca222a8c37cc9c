package com.contoso.linkedin.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;

/**
 * One event for EventBridge: its {@code detail-type} and its {@code detail}, which carries ids,
 * enum values and counters only (no names, addresses or times of a person). The field names are
 * a published contract: events/README.md documents them.
 */
public sealed interface ChangeEvent {
    /** The {@code source} of every event of this function set. */
    String SOURCE = "com.contoso.linkedin";

    String detailType();

    /** The detail as JSON-ready values, in a stable order; absent optional fields are left out. */
    Map<String, Object> detail();

    /** Consent stopped counting: for one user ({@code userId} set) or for every user of the tenant. */
    record ConsentWithdrawn(String tenantId, String userId, WithdrawalCause cause, Long consentEpoch)
            implements ChangeEvent {
        public ConsentWithdrawn {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(cause, "cause");
            if ((cause == WithdrawalCause.USER_DISCONNECTED) != (userId != null)) {
                throw new IllegalArgumentException("userId goes with USER_DISCONNECTED and only with it");
            }
        }

        @Override
        public String detailType() {
            return "LinkedIn consent withdrawn";
        }

        @Override
        public Map<String, Object> detail() {
            return fields("tenantId", tenantId, "userId", userId, "cause", cause.name(), "consentEpoch", consentEpoch);
        }
    }

    /** A user connected, reconnected, or connected again with another consent. */
    record ConsentGranted(String tenantId, String userId, Consent consent, long consentEpoch) implements ChangeEvent {
        public ConsentGranted {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(consent, "consent");
        }

        @Override
        public String detailType() {
            return "LinkedIn consent granted";
        }

        @Override
        public Map<String, Object> detail() {
            return fields("tenantId", tenantId, "userId", userId, "consent", consent.name(), "consentEpoch", consentEpoch);
        }
    }

    /** The setting in force changed: an admin's write, or a new default after a record change. */
    record SettingChanged(String tenantId, long settingVersion, IntegrationMode mode, String selectedGroupId,
            boolean isDefault) implements ChangeEvent {
        public SettingChanged {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public String detailType() {
            return "LinkedIn setting changed";
        }

        @Override
        public Map<String, Object> detail() {
            return fields("tenantId", tenantId, "settingVersion", settingVersion, "mode", mode.name(),
                    "selectedGroupId", selectedGroupId, "isDefault", isDefault);
        }
    }

    /** The user's item was deleted (erasure): nothing of that user is kept any more. */
    record UserErased(String tenantId, String userId) implements ChangeEvent {
        public UserErased {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public String detailType() {
            return "LinkedIn user erased";
        }

        @Override
        public Map<String, Object> detail() {
            return fields("tenantId", tenantId, "userId", userId);
        }
    }

    /** The tenant's item was deleted (offboarding): the integration no longer exists for it. */
    record TenantOffboarded(String tenantId) implements ChangeEvent {
        public TenantOffboarded {
            Objects.requireNonNull(tenantId, "tenantId");
        }

        @Override
        public String detailType() {
            return "LinkedIn tenant offboarded";
        }

        @Override
        public Map<String, Object> detail() {
            return fields("tenantId", tenantId);
        }
    }

    /** Name-value pairs in order, null values left out. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }
}
