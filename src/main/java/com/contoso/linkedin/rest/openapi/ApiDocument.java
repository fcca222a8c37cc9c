package com.contoso.linkedin.rest.openapi;

import com.contoso.linkedin.rest.Problem;
import com.contoso.linkedin.rest.RequestFilters;
import com.contoso.linkedin.rest.UserResource;

/**
 * Names of the OpenAPI document's shared parts, which {@code package-info} declares and the
 * resources refer to, and one example of each body. Documentation only: read from the class files
 * when the tests' Quarkus build generates the document, never loaded at run time.
 */
public final class ApiDocument {
    /** The security scheme: Entra ID access tokens. */
    public static final String BEARER = "entraIdBearer";

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = Problem.MEDIA_TYPE;
    public static final String PROBLEM = "Problem";

    // Headers
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String ETAG = "ETag";
    public static final String IF_MATCH = "If-Match";
    public static final String IF_NONE_MATCH = "If-None-Match";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String LOCATION = "Location";
    public static final String IMPORTED_DATA = UserResource.IMPORTED_DATA_HEADER;
    public static final String IMPORTED_DATA_NOTICE = UserResource.IMPORTED_DATA_NOTICE;
    public static final String NO_STORE = RequestFilters.NO_STORE;

    // Answers
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHENTICATED = "Unauthenticated";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String TENANT_NOT_PROVISIONED = "TenantNotProvisioned";
    public static final String CLOUD_NOT_SUPPORTED = "CloudNotSupported";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String STORE_UNAVAILABLE = "StoreUnavailable";
    public static final String INTERNAL_ERROR = "InternalError";

    // Reason codes (domain.Reason) by where they appear
    public static final String ELIGIBILITY_REASON = "EligibilityReason";
    public static final String CARD_REASON = "CardReason";
    public static final String PROBLEM_REASON = "ProblemReason";
    public static final String CARD_LEVEL = "CardLevel";

    /** Directory object and tenant ids; upper case is accepted and answered in lower case. */
    public static final String GUID = "uuid";
    public static final String INSTANT = "date-time";

    public static final String OFREP_CONTEXT = "OfrepEvaluationContext";

    // Problems with the reasons one operation refuses with
    public static final String TENANT_NOT_PROVISIONED_PROBLEM = "TenantNotProvisionedProblem";
    public static final String CONNECTION_REFUSED_PROBLEM = "ConnectionRefusedProblem";
    public static final String OPTION_LOCKED_PROBLEM = "OptionLockedProblem";
    public static final String CLOUD_NOT_SUPPORTED_PROBLEM = "CloudNotSupportedProblem";
    public static final String OFFBOARDING_PROBLEM = "OffboardingInProgressProblem";

    private ApiDocument() {
    }

    /** One example of each body, as the functions send or take it (held to the schemas by OpenApiDocumentTest). */
    public static final class Examples {
        public static final String TENANT_BODY = """
                {"cloud": "PUBLIC", "countryCode": "US", "rolledOut": true, "usersCanConsentToApps": true}""";
        public static final String TENANT_VIEW = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "cloud": "PUBLIC", "countryCode": "US",
                 "rolledOut": true, "usersCanConsentToApps": true}""";
        public static final String SETTING_BODY = """
                {"mode": "SELECTED", "selectedGroupId": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", "changeReason": "pilot"}""";
        public static final String SETTING_VIEW = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "mode": "SELECTED",
                 "selectedGroupId": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", "isDefault": false,
                 "availability": "AVAILABLE", "version": 1, "updatedAt": "2026-11-27T19:00:00.123Z",
                 "updatedBy": "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a"}""";
        public static final String AUDIT_PAGE = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b",
                 "entries": [{"kind": "SELECTION", "who": "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a",
                              "when": "2026-11-27T19:05:00.456Z", "changeReason": null, "requestId": "Rx2c3d4e5f6gHi=",
                              "userId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e", "selected": true},
                             {"kind": "SETTING", "version": 1, "who": "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a",
                              "when": "2026-11-27T19:00:00.123Z",
                              "before": {"mode": "ENABLED", "selectedGroupId": null},
                              "after": {"mode": "SELECTED", "selectedGroupId": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d"},
                              "changeReason": "pilot", "requestId": "Qx1b2c3d4e5fGh="},
                             {"kind": "TENANT_RECORD", "who": "00000000-0000-0000-0000-0000000000ab",
                              "when": "2026-11-27T18:00:00.000Z", "changeReason": null, "requestId": "Px0a1b2c3d4eFg=",
                              "recordAfter": {"cloud": "PUBLIC", "countryCode": "US", "rolledOut": true,
                                              "usersCanConsentToApps": true}}],
                 "nextCursor": "YVQjMDAwMTc5NTg5MjQwMDAwMCMwMDAwMDAwMQ"}""";
        public static final String PREVIEW = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "mode": "SELECTED",
                 "selectedGroupId": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", "availability": "AVAILABLE",
                 "currentVersion": 0, "changes": true, "connectedUsersWhoseConsentIsWithdrawn": 0,
                 "selectedUsersWhoLoseAccess": 0, "usersWhoGainAccess": 0,
                 "warnings": ["USERS_OUTSIDE_THE_SELECTION_LOSE_ACCESS"]}""";
        public static final String SELECTED_USERS = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b",
                 "userIds": ["0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e", "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"],
                 "nextCursor": null}""";
        public static final String OFFBOARDING = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "erasedUsers": 500, "done": false}""";
        public static final String SELECTION = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "userId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                 "selected": true}""";
        public static final String GROUP_MEMBERS_BODY = """
                {"add": ["0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e"], "remove": ["5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"]}""";
        public static final String GROUP_MEMBERS_VIEW = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "groupId": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
                 "added": 1, "removed": 1}""";
        public static final String OFFICE_POLICY_BODY = """
                {"policy": "DISABLED"}""";
        public static final String OFFICE_POLICY_VIEW = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "userId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                 "policy": "DISABLED"}""";
        public static final String OFFICE_OPTION_BODY = """
                {"showLinkedInFeatures": false}""";
        public static final String OFFICE_OPTION_VIEW = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "userId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                 "showLinkedInFeatures": false}""";
        public static final String VISIBILITY_BODY = """
                {"visibleInMicrosoftApps": false}""";
        public static final String VISIBILITY_VIEW = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "userId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                 "visibleInMicrosoftApps": false}""";
        public static final String CONNECTION_BODY = """
                {"consent": "BOTH_WAYS"}""";
        public static final String CONNECTION_VIEW = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "userId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                 "consent": "BOTH_WAYS", "connected": true}""";
        public static final String ELIGIBILITY = """
                {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "userId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                 "client": "PROFILE_CARD", "eligible": true, "reason": "ELIGIBLE", "showPublicLinkedInInfo": true,
                 "connected": true, "showConnectedLinkedInInfo": true, "shareWorkDataWithLinkedIn": true,
                 "settingVersion": 1, "evaluatedAt": "2026-11-27T19:00:00.123Z", "maxStalenessSeconds": 30}""";
        public static final String BATCH_BODY = """
                {"client": "PROFILE_CARD",
                 "userIds": ["0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e", "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"]}""";
        public static final String BATCH_VIEW = """
                {"decisions": [
                  {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "userId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                   "client": "PROFILE_CARD", "eligible": true, "reason": "ELIGIBLE", "showPublicLinkedInInfo": true,
                   "connected": false, "showConnectedLinkedInInfo": false, "shareWorkDataWithLinkedIn": false,
                   "settingVersion": 1, "evaluatedAt": "2026-11-27T19:00:00.123Z", "maxStalenessSeconds": 30},
                  {"tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "userId": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                   "client": "PROFILE_CARD", "eligible": false, "reason": "NOT_SELECTED", "showPublicLinkedInInfo": false,
                   "connected": false, "showConnectedLinkedInInfo": false, "shareWorkDataWithLinkedIn": false,
                   "settingVersion": 1, "evaluatedAt": "2026-11-27T19:00:00.123Z", "maxStalenessSeconds": 30}]}""";
        public static final String PROFILE_CARDS_BODY = """
                {"viewerId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                 "subjectIds": ["5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a"]}""";
        public static final String PROFILE_CARDS_VIEW = """
                {"viewerId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e", "settingVersion": 1,
                 "evaluatedAt": "2026-11-27T19:00:00.123Z", "maxStalenessSeconds": 30,
                 "cards": [{"subjectId": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "show": true, "level": "CONNECTED",
                            "reason": "ELIGIBLE"},
                           {"subjectId": "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a", "show": false, "level": "NONE",
                            "reason": "SUBJECT_HIDDEN"}]}""";
        public static final String OFREP_REQUEST = """
                {"context": {"targetingKey": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                             "tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b"}}""";
        public static final String OFREP_BULK_REQUEST = """
                {"context": {"targetingKey": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                             "tenantId": "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b",
                             "viewerId": "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e"}}""";
        public static final String OFREP_SUCCESS = """
                {"key": "linkedin-integration", "value": true, "reason": "TARGETING_MATCH", "variant": "on",
                 "metadata": {"reason": "ELIGIBLE", "settingVersion": 1, "maxStalenessSeconds": 30}}""";
        public static final String OFREP_FAILURE = """
                {"key": "linkedin-integration", "errorCode": "INVALID_CONTEXT",
                 "errorDetails": "context.tenantId (the user's directory tenant id) is required"}""";
        public static final String OFREP_FLAG_NOT_FOUND = """
                {"key": "linkedin-dark-mode", "errorCode": "FLAG_NOT_FOUND",
                 "errorDetails": "No flag with this key; the flags are linkedin-integration, linkedin-connected-info, \
                linkedin-share-work-data, linkedin-profile-card-level"}""";
        public static final String OFREP_BULK_SUCCESS = """
                {"flags": [
                  {"key": "linkedin-integration", "value": true, "reason": "TARGETING_MATCH", "variant": "on",
                   "metadata": {"reason": "ELIGIBLE", "settingVersion": 1, "maxStalenessSeconds": 30}},
                  {"key": "linkedin-connected-info", "value": false, "reason": "TARGETING_MATCH", "variant": "off",
                   "metadata": {"reason": "ELIGIBLE", "settingVersion": 1, "maxStalenessSeconds": 30}},
                  {"key": "linkedin-share-work-data", "value": false, "reason": "TARGETING_MATCH", "variant": "off",
                   "metadata": {"reason": "ELIGIBLE", "settingVersion": 1, "maxStalenessSeconds": 30}},
                  {"key": "linkedin-profile-card-level", "value": "PUBLIC", "reason": "TARGETING_MATCH",
                   "variant": "PUBLIC", "metadata": {"reason": "ELIGIBLE", "settingVersion": 1, "maxStalenessSeconds": 30}}]}""";
        public static final String OFREP_BULK_FAILURE = """
                {"errorCode": "TARGETING_KEY_MISSING", "errorDetails": "context.targetingKey (the user's object id) is required"}""";

        public static final String BAD_REQUEST = """
                {"type": "urn:linkedin-integration:problem:invalid-request", "title": "Invalid request", "status": 400,
                 "detail": "tenantId must be a GUID"}""";
        public static final String UNAUTHENTICATED = """
                {"type": "urn:linkedin-integration:problem:unauthenticated", "title": "Unauthenticated", "status": 401,
                 "detail": "A verified caller identity is required"}""";
        public static final String FORBIDDEN = """
                {"type": "urn:linkedin-integration:problem:forbidden", "title": "Forbidden", "status": 403,
                 "detail": "The caller's claims do not grant this operation"}""";
        public static final String NOT_ACCEPTABLE = """
                {"type": "urn:linkedin-integration:problem:not-acceptable", "title": "Not Acceptable", "status": 406,
                 "detail": "Not Acceptable"}""";
        public static final String TENANT_NOT_PROVISIONED = """
                {"type": "urn:linkedin-integration:problem:tenant-not-provisioned", "title": "Tenant not provisioned",
                 "status": 404, "detail": "The tenant has no record", "reason": "TENANT_NOT_PROVISIONED"}""";
        public static final String CONNECTION_REFUSED = """
                {"type": "urn:linkedin-integration:problem:refused", "title": "Refused by a rule", "status": 409,
                 "detail": "The user is not eligible for LinkedIn integration", "reason": "NOT_SELECTED"}""";
        public static final String OPTION_LOCKED = """
                {"type": "urn:linkedin-integration:problem:refused", "title": "Refused by a rule", "status": 409,
                 "detail": "A configured Office policy locks the user's option", "reason": "OPTION_LOCKED_BY_POLICY"}""";
        public static final String CLOUD_NOT_SUPPORTED = """
                {"type": "urn:linkedin-integration:problem:refused", "title": "Refused by a rule", "status": 409,
                 "detail": "LinkedIn integration is not available in the US_GOVERNMENT cloud",
                 "reason": "CLOUD_NOT_SUPPORTED"}""";
        public static final String OFFBOARDING_IN_PROGRESS = """
                {"type": "urn:linkedin-integration:problem:refused", "title": "Refused by a rule", "status": 409,
                 "detail": "The tenant is being offboarded; it can be provisioned again once that is done",
                 "reason": "OFFBOARDING_IN_PROGRESS"}""";
        public static final String PRECONDITION_FAILED = """
                {"type": "urn:linkedin-integration:problem:precondition-failed", "title": "Precondition failed",
                 "status": 412, "detail": "The setting has changed since it was read: its current ETag is \\"2\\""}""";
        public static final String PAYLOAD_TOO_LARGE = """
                {"type": "urn:linkedin-integration:problem:payload-too-large", "title": "Payload too large",
                 "status": 413, "detail": "The body is larger than 65536 bytes"}""";
        public static final String UNSUPPORTED_MEDIA_TYPE = """
                {"type": "urn:linkedin-integration:problem:unsupported-media-type", "title": "Unsupported media type",
                 "status": 415, "detail": "The body must be sent as Content-Type: application/json"}""";
        public static final String STORE_UNAVAILABLE = """
                {"type": "urn:linkedin-integration:problem:store-unavailable", "title": "Service unavailable",
                 "status": 503, "detail": "The store did not answer; nothing was concluded or changed. Try again."}""";
        public static final String INTERNAL_ERROR = """
                {"type": "urn:linkedin-integration:problem:internal-error", "title": "Internal error", "status": 500,
                 "detail": "The request could not be processed"}""";

        private Examples() {
        }
    }
}
