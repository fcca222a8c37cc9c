package com.contoso.linkedin.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whom the any-tenant app roles may come from: apps of the operator tenant whose client id is
 * trusted. Nothing configured trusts nobody.
 */
public record OperatorTrust(Optional<String> operatorTenantId, Set<String> trustedClientIds) {

    public static final OperatorTrust NOBODY = new OperatorTrust(Optional.empty(), Set.of());

    public OperatorTrust {
        operatorTenantId = operatorTenantId.map(String::trim).filter(id -> !id.isEmpty())
                .map(id -> id.toLowerCase(Locale.ROOT));
        trustedClientIds = trustedClientIds.stream().map(String::trim).filter(id -> !id.isEmpty())
                .map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    boolean trusts(Optional<String> tenantId, Optional<String> clientAppId) {
        return operatorTenantId.isPresent() && operatorTenantId.equals(tenantId)
                && clientAppId.filter(trustedClientIds::contains).isPresent();
    }
}
