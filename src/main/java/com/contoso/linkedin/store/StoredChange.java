package com.contoso.linkedin.store;

import java.util.Objects;
import java.util.Optional;

import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.UserFacts;

/**
 * One write to a stored tenant or user as domain records, before and after (empty where the item
 * did not exist, or no longer does): what the table's change stream says, without its item
 * layout. Audit entries and other items have no change of this kind.
 */
public sealed interface StoredChange {

    String tenantId();

    record TenantChange(String tenantId, Optional<Tenant> before, Optional<Tenant> after) implements StoredChange {
        public TenantChange {
            Objects.requireNonNull(tenantId, "tenantId");
            if (before.isEmpty() && after.isEmpty()) {
                throw new IllegalArgumentException("a change has a before or an after");
            }
        }
    }

    record UserChange(String tenantId, String userId, Optional<UserFacts> before, Optional<UserFacts> after)
            implements StoredChange {
        public UserChange {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            if (before.isEmpty() && after.isEmpty()) {
                throw new IllegalArgumentException("a change has a before or an after");
            }
        }
    }
}
