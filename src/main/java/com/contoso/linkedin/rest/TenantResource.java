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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.identity.Granted;
import com.contoso.linkedin.rest.RequestBodies.TenantBody;
import com.contoso.linkedin.rest.ResponseBodies.OffboardingView;
import com.contoso.linkedin.rest.ResponseBodies.TenantView;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;
import com.contoso.linkedin.service.OffboardingService;
import com.contoso.linkedin.service.TenantService;
import com.contoso.linkedin.store.LinkedInStore.OffboardingProgress;

/** The operator's tenant record, and the tenant's offboarding. */
@Path("/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "The operator's tenant records.")
public class TenantResource {

    private final Access access;
    private final StrictJson bodies;
    private final TenantService tenants;
    private final OffboardingService offboarding;

    public TenantResource(Access access, StrictJson bodies, TenantService tenants, OffboardingService offboarding) {
        this.access = access;
        this.bodies = bodies;
        this.tenants = tenants;
        this.offboarding = offboarding;
    }

    @PUT
    @Operation(operationId = "putTenant", summary = "Create or replace the tenant record", description = """
            The operator's record of the tenant (SPEC section 2): 201 when created, 200 when replaced. Audited; a \
            change of what the setting shows (the country's default, the availability) moves the setting's ETag.""")
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = TenantBody.class),
            example = Examples.TENANT_BODY))
    @APIResponse(responseCode = "200", description = "Replaced.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = TenantView.class), example = Examples.TENANT_VIEW))
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = ApiDocument.LOCATION, ref = ApiDocument.LOCATION),
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = TenantView.class),
                    example = Examples.TENANT_VIEW))
    @APIResponse(responseCode = "409", description = "The tenant is being offboarded: DELETE it until 204 first.",
            content = @Content(mediaType = ApiDocument.PROBLEM_JSON,
                    schema = @Schema(ref = ApiDocument.OFFBOARDING_PROBLEM), example = Examples.OFFBOARDING_IN_PROGRESS))
    public Response put(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, Grant.OPERATOR);
        TenantProfile profile = bodies.read(headers, body, TenantBody.class).toProfile();
        boolean created = tenants.save(granted.tenantId(), profile, granted.caller().auditName(), access.requestId());
        TenantView view = TenantView.of(granted.tenantId(), profile);
        // The path alone: JAX-RS would make it absolute on the scheme and host of the virtual request
        // (http, API Gateway's host), which is not where a client reaches the API (https, perhaps a
        // custom domain).
        return created
                ? Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/tenants/" + granted.tenantId())
                        .entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Operation(operationId = "getTenant", summary = "Read the tenant record")
    @APIResponse(responseCode = "200", description = "The tenant record.",
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = TenantView.class),
                    example = Examples.TENANT_VIEW))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public TenantView get(@RestPath String tenantId) {
        Granted granted = access.require(tenantId, Grant.OPERATOR, Grant.GLOBAL_ADMIN, Grant.GLOBAL_READER);
        return TenantView.of(granted.tenantId(), tenants.require(granted.tenantId()).profile());
    }

    @DELETE
    @Operation(operationId = "offboardTenant", summary = "Offboard the tenant: erase everything stored about it",
            description = """
            The first call takes the record away (every answer is TENANT_NOT_PROVISIONED from then on) and each \
            call erases one page of the tenant's users and lets a page of its audit entries expire: call again while \
            the answer is 202, until 204. A tenant with neither a record nor an offboarding under way is 404.""")
    @APIResponse(responseCode = "202", description = "A page erased; more is left: call again.",
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = OffboardingView.class),
                    example = Examples.OFFBOARDING))
    @APIResponse(responseCode = "204", description = "Nothing of the tenant is left but its expiring audit entries.")
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public Response offboard(@RestPath String tenantId) {
        Granted granted = access.require(tenantId, Grant.OPERATOR);
        OffboardingProgress progress = offboarding.offboard(granted.tenantId(), granted.caller().auditName(),
                access.requestId());
        return progress.done() ? Response.noContent().build()
                : Response.accepted(new OffboardingView(granted.tenantId(), progress.erasedUsers(), false)).build();
    }
}
