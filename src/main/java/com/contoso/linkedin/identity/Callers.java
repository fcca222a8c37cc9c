package com.contoso.linkedin.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.contoso.linkedin.config.LinkedInConfig;

/**
 * The one place that reads the caller from an API Gateway event: the Lambda authorizer's context
 * ({@code requestContext.authorizer.lambda}) or, in deployments with the HTTP API JWT authorizer,
 * its claims ({@code requestContext.authorizer.jwt.claims}); the same rules apply to both. Only
 * the dev and test build profiles add the unverified bearer shortcut ({@link UnverifiedBearerClaims}).
 */
@ApplicationScoped
public class Callers {

    private final OperatorTrust trust;
    private final Instance<UnverifiedBearerClaims> bearerShortcut;

    public Callers(LinkedInConfig config, Instance<UnverifiedBearerClaims> bearerShortcut) {
        this.trust = new OperatorTrust(config.identity().operatorTenantId(),
                config.identity().trustedClientIds().orElse(java.util.Set.of()));
        this.bearerShortcut = bearerShortcut;
    }

    /**
     * The caller, or empty when the event carries no identity (401): no claims, or claims that name
     * no tenant ({@code tid}), which every token of Entra ID has. Claims that name one but grant
     * nothing are a caller refused later (403).
     */
    public Optional<Caller> of(APIGatewayV2HTTPEvent event) {
        Optional<Map<String, String>> claims = verifiedClaims(event);
        if (claims.isEmpty() && bearerShortcut.isResolvable()) {
            claims = ApiGatewayEvents.header(event, "authorization")
                    .flatMap(bearerShortcut.get()::fromAuthorizationHeader);
        }
        return claims.filter(Callers::namesATenant).map(verified -> Claims.toCaller(verified, trust));
    }

    private static boolean namesATenant(Map<String, String> claims) {
        String tid = claims.get("tid");
        return tid != null && !tid.isBlank();
    }

    /** What an authorizer verified, every value as the string the HTTP API hands on. */
    static Optional<Map<String, String>> verifiedClaims(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null) {
            return Optional.empty();
        }
        Map<String, Object> lambda = context.getAuthorizer().getLambda();
        if (lambda != null && !lambda.isEmpty()) {
            Map<String, String> claims = new LinkedHashMap<>();
            lambda.forEach((name, value) -> {
                if (value != null) {
                    claims.put(name, text(value));
                }
            });
            return Optional.of(claims);
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = context.getAuthorizer().getJwt();
        if (jwt != null && jwt.getClaims() != null && !jwt.getClaims().isEmpty()) {
            return Optional.of(jwt.getClaims());
        }
        return Optional.empty();
    }

    /** A context value as text; a list (which the authorizer never sends, but a test might) as {@code [a b]}. */
    private static String text(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
