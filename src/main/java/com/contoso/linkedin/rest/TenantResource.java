package com.contoso.linkedin.rest;

import java.net.URI;

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
import com.contoso.linkedin.rest.ResponseBodies.TenantView;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;
import com.contoso.linkedin.service.TenantService;

/** The operator's tenant record. */
@Path("/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "The operator's tenant records.")
public class TenantResource {

    private final Access access;
    private final StrictJson bodies;
    private final TenantService tenants;

    public TenantResource(Access access, StrictJson bodies, TenantService tenants) {
        this.access = access;
        this.bodies = bodies;
        this.tenants = tenants;
    }

    @PUT
    @Operation(operationId = "putTenant", summary = "Create or replace the tenant record",
            description = "The operator's record of the tenant (SPEC section 2): 201 when created, 200 when replaced.")
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = TenantBody.class),
            example = Examples.TENANT_BODY))
    @APIResponse(responseCode = "200", description = "Replaced.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = TenantView.class), example = Examples.TENANT_VIEW))
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = ApiDocument.LOCATION, ref = ApiDocument.LOCATION),
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = TenantView.class),
                    example = Examples.TENANT_VIEW))
    public Response put(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, Grant.OPERATOR);
        TenantProfile profile = bodies.read(headers, body, TenantBody.class).toProfile();
        boolean created = tenants.save(granted.tenantId(), profile);
        TenantView view = TenantView.of(granted.tenantId(), profile);
        return created
                ? Response.created(URI.create("/tenants/" + granted.tenantId())).entity(view).build()
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
}
