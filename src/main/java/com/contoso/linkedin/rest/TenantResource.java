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

import org.jboss.resteasy.reactive.RestPath;

import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.identity.Granted;
import com.contoso.linkedin.rest.RequestBodies.TenantBody;
import com.contoso.linkedin.rest.ResponseBodies.TenantView;
import com.contoso.linkedin.service.TenantService;

/** The operator's tenant record. */
@Path("/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
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
    public TenantView get(@RestPath String tenantId) {
        Granted granted = access.require(tenantId, Grant.OPERATOR, Grant.GLOBAL_ADMIN, Grant.GLOBAL_READER);
        return TenantView.of(granted.tenantId(), tenants.require(granted.tenantId()).profile());
    }
}
