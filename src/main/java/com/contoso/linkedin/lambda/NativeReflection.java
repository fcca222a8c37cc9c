package com.contoso.linkedin.lambda;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native image: Jackson reads the event mix-in's annotations and creates the claim deserializer by
 * reflection ({@link EventMapping}); nothing else of the event mapping needs it.
 */
@RegisterForReflection(targets = { EventMapping.LenientClaims.class, EventMapping.ClaimValue.class })
final class NativeReflection {
    private NativeReflection() {
    }
}
