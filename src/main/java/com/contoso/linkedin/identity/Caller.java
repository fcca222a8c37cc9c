package com.contoso.linkedin.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the API Gateway JWT authorizer verified it: the caller's tenant ({@code tid}),
 * object id ({@code oid}), directory roles ({@code wids}) and app roles ({@code roles}). Ids are
 * lower-cased once here so that comparisons with path ids are exact.
 */
public record Caller(Optional<String> tenantId, Optional<String> objectId, Set<String> directoryRoles,
        Set<String> appRoles) {

    public Caller {
        directoryRoles = Set.copyOf(directoryRoles);
        appRoles = Set.copyOf(appRoles);
    }

    public boolean belongsTo(String tenant) {
        return tenantId.filter(tenant::equals).isPresent();
    }

    public boolean isUser(String tenant, String user) {
        return belongsTo(tenant) && objectId.filter(user::equals).isPresent();
    }

    public boolean hasDirectoryRoleIn(String tenant, String roleTemplateId) {
        return belongsTo(tenant) && directoryRoles.contains(roleTemplateId);
    }

    public boolean hasAppRole(String role) {
        return appRoles.contains(role);
    }

    /** How the audit and the setting name the caller: the object id of the user or app. */
    public String auditName() {
        return objectId.orElse("unknown");
    }

    /** A one-word kind for logs, never an id. */
    public String kind() {
        if (!appRoles.isEmpty()) {
            return "app";
        }
        return objectId.isPresent() ? "user" : "anonymous";
    }
}
