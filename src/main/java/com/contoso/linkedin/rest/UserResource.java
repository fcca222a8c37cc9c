package com.contoso.linkedin.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.identity.Granted;
import com.contoso.linkedin.rest.RequestBodies.ConnectionBody;
import com.contoso.linkedin.rest.RequestBodies.OfficeOptionBody;
import com.contoso.linkedin.rest.RequestBodies.OfficePolicyBody;
import com.contoso.linkedin.rest.RequestBodies.VisibilityBody;
import com.contoso.linkedin.rest.ResponseBodies.ConnectionView;
import com.contoso.linkedin.rest.ResponseBodies.EligibilityView;
import com.contoso.linkedin.rest.ResponseBodies.OfficeOptionView;
import com.contoso.linkedin.rest.ResponseBodies.OfficePolicyView;
import com.contoso.linkedin.rest.ResponseBodies.VisibilityView;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;
import com.contoso.linkedin.service.UserService;

/** One user: their own choices, the policy set for them, and their eligibility. */
@Path("/tenants/{tenantId}/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "One user: their own choices, the Office policy set for them, their eligibility.")
public class UserResource {
    /** Disconnecting stops the link, not what LinkedIn already holds: callers are told so. */
    public static final String IMPORTED_DATA_HEADER = "LinkedIn-Imported-Data";
    public static final String IMPORTED_DATA_NOTICE =
            "retained; contacts LinkedIn already imported are not deleted by a disconnect";

    private final Access access;
    private final StrictJson bodies;
    private final UserService users;
    private final EligibilityAnswers answers;

    public UserResource(Access access, StrictJson bodies, UserService users, EligibilityAnswers answers) {
        this.access = access;
        this.bodies = bodies;
        this.users = users;
        this.answers = answers;
    }

    @DELETE
    @Operation(operationId = "eraseUser", summary = "Erase everything stored about the user", description = """
            The connection, the user's options, the Office policy set for them, their selection and group \
            memberships: the tenant's counts follow, and the audit keeps the user's object id alone. Idempotent: \
            204 also when nothing was stored.""")
    @APIResponse(responseCode = "204", description = "Nothing is stored about the user any more.")
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public Response erase(@RestPath String tenantId, @RestPath String userId) {
        Granted granted = access.require(tenantId, userId, Grant.GLOBAL_ADMIN, Grant.DIRECTORY_SYNC_APP);
        users.erase(granted.tenantId(), granted.userId(), granted.caller().auditName(), access.requestId());
        return Response.noContent().build();
    }

    @PUT
    @Path("/office-policy")
    @Operation(operationId = "setOfficePolicy", summary = "Set the Office desktop policy that applies to the user")
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = OfficePolicyBody.class),
            example = Examples.OFFICE_POLICY_BODY))
    @APIResponse(responseCode = "200", description = "Set.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = OfficePolicyView.class), example = Examples.OFFICE_POLICY_VIEW))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public OfficePolicyView officePolicy(@RestPath String tenantId, @RestPath String userId,
            @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, userId, Grant.GLOBAL_ADMIN, Grant.DIRECTORY_SYNC_APP);
        OfficePolicyBody request = bodies.read(headers, body, OfficePolicyBody.class);
        users.setOfficePolicy(granted.tenantId(), granted.userId(), request.policy());
        return new OfficePolicyView(granted.tenantId(), granted.userId(), request.policy().name());
    }

    @PUT
    @Path("/office-option")
    @Operation(operationId = "setOfficeOption", summary = "Set the user's own Office option")
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = OfficeOptionBody.class),
            example = Examples.OFFICE_OPTION_BODY))
    @APIResponse(responseCode = "200", description = "Set.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = OfficeOptionView.class), example = Examples.OFFICE_OPTION_VIEW))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    @APIResponse(responseCode = "409", description = "A configured Office policy locks the option.",
            content = @Content(mediaType = ApiDocument.PROBLEM_JSON,
                    schema = @Schema(ref = ApiDocument.OPTION_LOCKED_PROBLEM), example = Examples.OPTION_LOCKED))
    public OfficeOptionView officeOption(@RestPath String tenantId, @RestPath String userId,
            @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        OfficeOptionBody request = bodies.read(headers, body, OfficeOptionBody.class);
        users.setOfficeOption(granted.tenantId(), granted.userId(), request.showLinkedInFeatures());
        return new OfficeOptionView(granted.tenantId(), granted.userId(), request.showLinkedInFeatures());
    }

    @PUT
    @Path("/linkedin-profile-visibility")
    @Operation(operationId = "setProfileVisibility",
            summary = "Set whether the user's LinkedIn information shows on profile cards")
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = VisibilityBody.class),
            example = Examples.VISIBILITY_BODY))
    @APIResponse(responseCode = "200", description = "Set; counts on the very next check.",
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = VisibilityView.class),
                    example = Examples.VISIBILITY_VIEW))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public VisibilityView visibility(@RestPath String tenantId, @RestPath String userId,
            @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        VisibilityBody request = bodies.read(headers, body, VisibilityBody.class);
        users.setProfileVisibility(granted.tenantId(), granted.userId(), request.visibleInMicrosoftApps());
        return new VisibilityView(granted.tenantId(), granted.userId(), request.visibleInMicrosoftApps());
    }

    @PUT
    @Path("/linkedin-connection")
    @Operation(operationId = "connect", summary = "Connect the user's LinkedIn account")
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = ConnectionBody.class),
            example = Examples.CONNECTION_BODY))
    @APIResponse(responseCode = "200", description = "Connected.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = ConnectionView.class), example = Examples.CONNECTION_VIEW))
    @APIResponse(responseCode = "409", description = """
            The user is not eligible (the reason of the decision), the tenant has no record, or it does not let \
            users consent to apps.""", content = @Content(mediaType = ApiDocument.PROBLEM_JSON,
                    schema = @Schema(ref = ApiDocument.CONNECTION_REFUSED_PROBLEM), example = Examples.CONNECTION_REFUSED))
    public ConnectionView connect(@RestPath String tenantId, @RestPath String userId, @Context HttpHeaders headers,
            String body) {
        Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        ConnectionBody request = bodies.read(headers, body, ConnectionBody.class);
        users.connect(granted.tenantId(), granted.userId(), request.consent());
        return new ConnectionView(granted.tenantId(), granted.userId(), request.consent().name(), true);
    }

    @DELETE
    @Path("/linkedin-connection")
    @Operation(operationId = "disconnect", summary = "Disconnect the user's LinkedIn account",
            description = "Always allowed, immediate and idempotent, also for a tenant without a record.")
    @APIResponse(responseCode = "204", description = "Disconnected.",
            headers = @Header(name = ApiDocument.IMPORTED_DATA, ref = ApiDocument.IMPORTED_DATA))
    public Response disconnect(@RestPath String tenantId, @RestPath String userId) {
        Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        users.disconnect(granted.tenantId(), granted.userId());
        return Response.noContent().header(IMPORTED_DATA_HEADER, IMPORTED_DATA_NOTICE).build();
    }

    @GET
    @Path("/linkedin-eligibility")
    @Operation(operationId = "checkEligibility", summary = "The eligibility decision for one user",
            description = "A tenant without a record answers 200 with TENANT_NOT_PROVISIONED.")
    @Parameter(name = "client", in = ParameterIn.QUERY, description = "Where the information would be shown.",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "PROFILE_CARD", "OFFICE_DESKTOP" },
                    defaultValue = "PROFILE_CARD"))
    @APIResponse(responseCode = "200", description = "The decision.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = EligibilityView.class), example = Examples.ELIGIBILITY))
    public EligibilityView eligibility(@RestPath String tenantId, @RestPath String userId, @Context UriInfo uri) {
        var asked = answers.mayCheck(access.caller(), tenantId, userId);
        access.throwKeptRefusal();
        return answers.check(asked, EligibilityAnswers.client(QueryParameters.of(uri).single("client")));
    }
}
