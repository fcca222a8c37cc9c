package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.OPERATOR_TENANT;
import static com.contoso.linkedin.support.Identities.TRUSTED_CLIENT;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.identity.Grant.Roles;
import com.contoso.linkedin.identity.token.EntraTokenVerifier;
import com.contoso.linkedin.identity.token.Verdict;
import com.contoso.linkedin.identity.token.VerifierSettings;
import com.contoso.linkedin.support.EntraTokens;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.KeySetServer;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.Tenants;
import com.nimbusds.jose.jwk.RSAKey;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The two halves of SPEC 5 in production order: a signed Entra token goes through the authorizer's
 * verifier, and the context it hands on (as API Gateway passes it in {@code authorizer.lambda})
 * is what the functions grant from. Each kind of caller is admitted where SPEC admits it, and
 * refused next door: the authorizer and the functions read the context the same way.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class AuthorizerChainTest {
    private static RSAKey key;
    private static KeySetServer keySet;
    private static EntraTokenVerifier verifier;

    @BeforeAll
    static void entraKeySet() throws Exception {
        key = EntraTokens.rsaKey("chain-key");
        keySet = new KeySetServer(key);
        verifier = new EntraTokenVerifier(VerifierSettings.of(keySet.uri(), Set.of(EntraTokens.AUDIENCE)));
    }

    @AfterAll
    static void stop() {
        keySet.close();
    }

    @Test
    void everyKindOfCaller_isGrantedFromTheContextTheAuthorizerHandsOn() {
        String tenant = Tenants.provisioned();
        String other = Tenants.provisioned();
        Map<String, Object> user = EntraTokens.delegated(tenant, Identities.USER_SCOPE);
        String userId = (String) user.get("oid");
        Map<String, Object> checker = EntraTokens.appOnly(OPERATOR_TENANT, Roles.ELIGIBILITY_CHECK);
        checker.put("azp", TRUSTED_CLIENT);
        Map<String, Object> untrustedChecker = EntraTokens.appOnly(OPERATOR_TENANT, Roles.ELIGIBILITY_CHECK);
        Map<String, Object> writerWithEmptyScp = EntraTokens.appOnly(tenant, Roles.INTEGRATION_READ_WRITE);
        writerWithEmptyScp.put("scp", "");
        Function<String, String> setting = id -> "/tenants/" + id + "/linkedin-integration";
        Function<String, String> check = id -> "/tenants/" + id + "/users/" + userId + "/linkedin-eligibility";

        assertAll(
                expect(200, setting.apply(tenant), EntraTokens.delegated(tenant, Identities.USER_SCOPE, EntraTokens.GLOBAL_ADMIN)),
                expect(200, setting.apply(tenant), EntraTokens.delegated(tenant, Identities.USER_SCOPE, EntraTokens.GLOBAL_READER)),
                expect(403, setting.apply(other), EntraTokens.delegated(tenant, Identities.USER_SCOPE, EntraTokens.GLOBAL_ADMIN)),
                expect(200, setting.apply(tenant), EntraTokens.appOnly(tenant, Roles.INTEGRATION_READ_WRITE)),
                expect(403, setting.apply(tenant), EntraTokens.appOnly(tenant, Roles.DIRECTORY_SYNC)),
                expect(200, check.apply(tenant), user),
                expect(403, setting.apply(tenant), user),
                expect(200, check.apply(tenant), checker),
                expect(403, check.apply(tenant), untrustedChecker),
                expect(403, setting.apply(tenant), writerWithEmptyScp));
    }

    private Executable expect(int status, String path, Map<String, Object> claims) {
        return () -> {
            Verdict verdict = verifier.verify(EntraTokens.sign(key, claims));
            assertTrue(verdict.isPassed(), () -> "the authorizer refused " + claims);
            Map<String, Object> event = LambdaEvents.get(path).event();
            @SuppressWarnings("unchecked")
            Map<String, Object> requestContext = (Map<String, Object>) event.get("requestContext");
            requestContext.put("authorizer", Map.of("lambda", new LinkedHashMap<String, Object>(verdict.context())));

            var reply = LambdaEvents.sendRaw(event);

            assertEquals(status, reply.status(), () -> path + " as " + claims + " -> " + reply);
        };
    }
}
