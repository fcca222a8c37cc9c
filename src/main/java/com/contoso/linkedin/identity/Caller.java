package com.contoso.linkedin.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the authorizer verified it (SPEC section 5). Ids are lower-cased once here
 * so that comparisons with path ids are exact. What a token may grant depends on its kind: app
 * roles count only on app-only tokens, directory roles and "the user" only on delegated ones, so
 * a user who was assigned an app role never acts as the app.
 *
 * @param clientAppId the client application ({@code azp}, or {@code appid})
 * @param operatorApp whether this is an app-only token of the operator tenant from a trusted
 *        client application: the only caller that any-tenant app roles count for
 */
public record Caller(Kind kind, Optional<String> tenantId, Optional<String> objectId, Optional<String> clientAppId,
        Set<String> directoryRoles, Set<String> appRoles, boolean operatorApp) {

    /** The token kinds of Entra ID; a token that claims to be both, or neither, grants nothing. */
    public enum Kind {
        /** An application acting as itself (client credentials): no {@code scp}. */
        APP_ONLY,
        /** An application acting for a signed-in user: {@code scp} holds the delegated scopes. */
        DELEGATED,
        /** Contradictory claims ({@code scp} with {@code idtyp=app}, or the reverse). */
        UNKNOWN
    }

    public Caller {
        directoryRoles = Set.copyOf(directoryRoles);
        appRoles = Set.copyOf(appRoles);
        operatorApp = operatorApp && kind == Kind.APP_ONLY;
    }

    public boolean belongsTo(String tenant) {
        return tenantId.filter(tenant::equals).isPresent();
    }

    /** The signed-in user {@code user} of {@code tenant}, on a delegated token. */
    public boolean isUser(String tenant, String user) {
        return kind == Kind.DELEGATED && belongsTo(tenant) && objectId.filter(user::equals).isPresent();
    }

    /** A directory role (by role template id) of a signed-in user of {@code tenant}. */
    public boolean hasDirectoryRoleIn(String tenant, String roleTemplateId) {
        return kind == Kind.DELEGATED && belongsTo(tenant) && directoryRoles.contains(roleTemplateId);
    }

    /** An app role granted to an app of {@code tenant} itself. */
    public boolean hasAppRoleIn(String tenant, String role) {
        return kind == Kind.APP_ONLY && belongsTo(tenant) && appRoles.contains(role);
    }

    /** An app role that reaches every tenant: held by a trusted app of the operator tenant only. */
    public boolean hasOperatorAppRole(String role) {
        return operatorApp && appRoles.contains(role);
    }

    /** How the audit and the setting name the caller: the object id of the user or app. */
    public String auditName() {
        return objectId.orElse("unknown");
    }

    /** A one-word kind for logs, never an id. */
    public String logKind() {
        return switch (kind) {
            case APP_ONLY -> "app";
            case DELEGATED -> "user";
            case UNKNOWN -> "unknown";
        };
    }
}
