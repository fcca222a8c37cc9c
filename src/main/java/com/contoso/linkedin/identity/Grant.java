package com.contoso.linkedin.identity;

/**
 * The ways a caller can be entitled to an endpoint (SPEC section 5). Each endpoint declares the
 * grants that admit it; a caller holding none of them is refused. Each grant asks {@link Caller}
 * for one kind of token only: app roles on app-only tokens, directory roles and the user on
 * delegated ones.
 */
public enum Grant {
    /** Platform operator app role, for any tenant: a trusted app of the operator tenant. */
    OPERATOR {
        @Override
        boolean admits(Caller caller, String tenantId, String userId) {
            return caller.hasOperatorAppRole(Roles.OPERATE_TENANTS);
        }
    },
    /** Global Administrator of the tenant in the path, signed in. */
    GLOBAL_ADMIN {
        @Override
        boolean admits(Caller caller, String tenantId, String userId) {
            return caller.hasDirectoryRoleIn(tenantId, Roles.GLOBAL_ADMINISTRATOR);
        }
    },
    /** Global Reader of the tenant in the path, signed in. */
    GLOBAL_READER {
        @Override
        boolean admits(Caller caller, String tenantId, String userId) {
            return caller.hasDirectoryRoleIn(tenantId, Roles.GLOBAL_READER);
        }
    },
    /** Infrastructure-as-code app identity with the write role, for its own tenant only. */
    SETTING_WRITER_APP {
        @Override
        boolean admits(Caller caller, String tenantId, String userId) {
            return caller.hasAppRoleIn(tenantId, Roles.INTEGRATION_READ_WRITE);
        }
    },
    /** Directory synchronisation app identity, for its own tenant only. */
    DIRECTORY_SYNC_APP {
        @Override
        boolean admits(Caller caller, String tenantId, String userId) {
            return caller.hasAppRoleIn(tenantId, Roles.DIRECTORY_SYNC);
        }
    },
    /** The profile-card rendering service, for any tenant: a trusted app of the operator tenant. */
    ELIGIBILITY_CHECKER_APP {
        @Override
        boolean admits(Caller caller, String tenantId, String userId) {
            return caller.hasOperatorAppRole(Roles.ELIGIBILITY_CHECK);
        }
    },
    /** The user named by the request, signed in to that tenant. */
    THE_USER {
        @Override
        boolean admits(Caller caller, String tenantId, String userId) {
            return userId != null && caller.isUser(tenantId, userId);
        }
    };

    abstract boolean admits(Caller caller, String tenantId, String userId);

    /** Whether one of the grants admits the caller to these (canonical) ids. */
    public static boolean anyAdmits(Caller caller, String tenantId, String userId, Grant... grants) {
        for (Grant grant : grants) {
            if (grant.admits(caller, tenantId, userId)) {
                return true;
            }
        }
        return false;
    }

    /** Role identifiers as they appear in tokens. */
    public static final class Roles {
        public static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
        public static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
        public static final String INTEGRATION_READ_WRITE = "LinkedInIntegration.ReadWrite";
        public static final String ELIGIBILITY_CHECK = "LinkedInEligibility.Check";
        public static final String DIRECTORY_SYNC = "Directory.Sync";
        public static final String OPERATE_TENANTS = "Tenants.Operate";

        private Roles() {
        }
    }
}
