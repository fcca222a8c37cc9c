package com.contoso.linkedin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.support.ApiContract;
import com.contoso.linkedin.support.ApiContract.Exchange;

/**
 * The checker every API test's answers go through (support/Dispatch) fails on answers that are
 * not what infra/openapi.yaml says: fed deliberately wrong answers, it must object; fed the
 * right one, it must not. Plain JUnit: no function runs, the answers are made up here.
 */
class ApiContractTest {
    private static final String TENANT = "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String USER = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";
    private static final String CHECK = "/tenants/" + TENANT + "/users/" + USER + "/linkedin-eligibility";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json", "Cache-Control", "no-store");
    private static final String DECISION = """
            {"tenantId": "%s", "userId": "%s", "client": "PROFILE_CARD", "eligible": true, "reason": "ELIGIBLE",
             "showPublicLinkedInInfo": true, "connected": false, "showConnectedLinkedInInfo": false,
             "shareWorkDataWithLinkedIn": false, "settingVersion": 0, "evaluatedAt": "2026-11-30T10:00:00.123Z",
             "maxStalenessSeconds": 30}""".formatted(TENANT, USER);

    private final ApiContract contract = ApiContract.committed();

    private static Exchange check(int status, Map<String, String> headers, String body) {
        return new Exchange("GET", CHECK, Map.of(), null, status, headers, body);
    }

    @Test
    void theAnswerTheCodeGives_passes() {
        assertEquals(List.of(), contract.violations(check(200, JSON, DECISION)));
    }

    @Test
    void aFieldRenamedInTheCodeButNotInTheDocument_fails() {
        List<String> violations = contract.violations(check(200, JSON, DECISION.replace("\"eligible\"", "\"isEligible\"")));

        assertTrue(violations.stream().anyMatch(v -> v.contains("eligible")), () -> "" + violations);
        assertTrue(violations.stream().anyMatch(v -> v.contains("isEligible")), () -> "the new name is not named: " + violations);
        assertThrows(AssertionError.class, () -> contract.check(check(200, JSON, DECISION.replace("\"eligible\"", "\"isEligible\""))));
    }

    @Test
    void aFieldRenamedInTheDocumentButNotInTheCode_fails() throws IOException {
        String document = Files.readString(ApiContract.DOCUMENT);
        assertTrue(document.contains("\n      - eligible\n") && document.contains("\n        eligible:\n"),
                "the document no longer names eligible as this test expects");
        ApiContract renamed = ApiContract.of(document.replace("\n      - eligible\n", "\n      - isEligible\n")
                .replace("\n        eligible:\n", "\n        isEligible:\n"));

        List<String> violations = renamed.violations(check(200, JSON, DECISION));

        assertTrue(violations.stream().anyMatch(v -> v.contains("isEligible")), () -> "" + violations);
    }

    @Test
    void aFieldTheDocumentDoesNotName_fails() {
        assertTrue(contract.violations(check(200, JSON, DECISION.replace("{", "{\"debug\": \"x\", ")))
                .stream().anyMatch(v -> v.contains("debug")));
    }

    @Test
    void aValueOfTheWrongTypeOrOutsideTheEnumeration_fails() {
        assertEquals(1, contract.violations(check(200, JSON, DECISION.replace("\"settingVersion\": 0", "\"settingVersion\": \"0\""))).size());
        assertEquals(1, contract.violations(check(200, JSON, DECISION.replace("\"ELIGIBLE\"", "\"MAYBE\""))).size());
        assertEquals(1, contract.violations(check(200, JSON, DECISION.replace(USER, "not-a-guid"))).size(), "formats are asserted");
    }

    @Test
    void aStatusTheOperationDoesNotDeclare_fails() {
        List<String> violations = contract.violations(check(404, Map.of("Content-Type", "application/problem+json",
                "Cache-Control", "no-store"), """
                {"type": "urn:linkedin-integration:problem:not-found", "title": "Not Found", "status": 404, "detail": "x"}"""));

        assertEquals(1, violations.size(), () -> "" + violations);
        assertTrue(violations.get(0).contains("declares no answer 404"), violations.get(0));
    }

    @Test
    void anotherContentType_orAMissingRequiredHeader_fails() {
        assertTrue(contract.violations(check(200, Map.of("Content-Type", "text/plain", "Cache-Control", "no-store"), DECISION))
                .stream().anyMatch(v -> v.contains("content type text/plain")));
        assertTrue(contract.violations(check(200, Map.of("Content-Type", "application/json"), DECISION))
                .stream().anyMatch(v -> v.contains("Cache-Control is required")));
        assertTrue(contract.violations(check(503, Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store"),
                """
                {"type": "urn:linkedin-integration:problem:store-unavailable", "title": "Service unavailable", "status": 503,
                 "detail": "Try again."}""")).stream().anyMatch(v -> v.contains("Retry-After is required")));
    }

    @Test
    void aRequestBodyTheDocumentRefuses_failsOnlyWhenItSucceeded() {
        String path = "/tenants/" + TENANT + "/users/" + USER + "/linkedin-connection";
        Map<String, String> json = Map.of("content-type", "application/json");
        String answer = """
                {"tenantId": "%s", "userId": "%s", "consent": "BOTH_WAYS", "connected": true}""".formatted(TENANT, USER);
        String unknownField = "{\"consent\": \"BOTH_WAYS\", \"extra\": 1}";

        assertTrue(contract.violations(new Exchange("PUT", path, json, unknownField, 200, JSON, answer))
                .stream().anyMatch(v -> v.startsWith("request body")));
        assertEquals(List.of(), contract.violations(new Exchange("PUT", path, json, unknownField, 400,
                Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store"), """
                        {"type": "urn:linkedin-integration:problem:invalid-request", "title": "Invalid request",
                         "status": 400, "detail": "Unknown field; the body takes only [consent]"}""")));
    }

    @Test
    void requestsToNoOperation_areNotChecked() {
        assertEquals(List.of(), contract.violations(new Exchange("PATCH", CHECK, Map.of(), null, 405, Map.of(), "?")));
        assertEquals(List.of(), contract.violations(new Exchange("GET", "/nothing", Map.of(), null, 404, Map.of(), "?")));
        assertEquals(List.of(), contract.violations(new Exchange("GET", "/tenants/../linkedin-integration", Map.of(), null,
                404, Map.of(), "?")), "a dot segment is no tenant id: the path resolves to another one");
    }
}
