package com.contoso.linkedin.identity;

import java.util.Map;
import java.util.Optional;

/**
 * Claims taken from an {@code Authorization: Bearer} token without checking it. Only the dev and
 * test build profiles have an implementation (package {@code devlocal}); the production build
 * has none, so there an event without authorizer claims is always 401.
 */
public interface UnverifiedBearerClaims {
    Optional<Map<String, String>> fromAuthorizationHeader(String authorization);
}
