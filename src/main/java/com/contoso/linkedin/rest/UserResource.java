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
import com.contoso.linkedin.service.UserService;

/** One user: their own choices, the policy set for them, and their eligibility. */
@Path("/tenants/{tenantId}/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    /** Disconnecting stops the link, not what LinkedIn already holds: callers are told so. */
    static final String IMPORTED_DATA_HEADER = "LinkedIn-Imported-Data";
    static final String IMPORTED_DATA_NOTICE =
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

    @PUT
    @Path("/office-policy")
    public OfficePolicyView officePolicy(@RestPath String tenantId, @RestPath String userId,
            @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, userId, Grant.GLOBAL_ADMIN, Grant.DIRECTORY_SYNC_APP);
        OfficePolicyBody request = bodies.read(headers, body, OfficePolicyBody.class);
        users.setOfficePolicy(granted.tenantId(), granted.userId(), request.policy());
        return new OfficePolicyView(granted.tenantId(), granted.userId(), request.policy().name());
    }

    @PUT
    @Path("/office-option")
    public OfficeOptionView officeOption(@RestPath String tenantId, @RestPath String userId,
            @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        OfficeOptionBody request = bodies.read(headers, body, OfficeOptionBody.class);
        users.setOfficeOption(granted.tenantId(), granted.userId(), request.showLinkedInFeatures());
        return new OfficeOptionView(granted.tenantId(), granted.userId(), request.showLinkedInFeatures());
    }

    @PUT
    @Path("/linkedin-profile-visibility")
    public VisibilityView visibility(@RestPath String tenantId, @RestPath String userId,
            @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        VisibilityBody request = bodies.read(headers, body, VisibilityBody.class);
        users.setProfileVisibility(granted.tenantId(), granted.userId(), request.visibleInMicrosoftApps());
        return new VisibilityView(granted.tenantId(), granted.userId(), request.visibleInMicrosoftApps());
    }

    @PUT
    @Path("/linkedin-connection")
    public ConnectionView connect(@RestPath String tenantId, @RestPath String userId, @Context HttpHeaders headers,
            String body) {
        Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        ConnectionBody request = bodies.read(headers, body, ConnectionBody.class);
        users.connect(granted.tenantId(), granted.userId(), request.consent());
        return new ConnectionView(granted.tenantId(), granted.userId(), request.consent().name(), true);
    }

    @DELETE
    @Path("/linkedin-connection")
    public Response disconnect(@RestPath String tenantId, @RestPath String userId) {
        Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        users.disconnect(granted.tenantId(), granted.userId());
        return Response.noContent().header(IMPORTED_DATA_HEADER, IMPORTED_DATA_NOTICE).build();
    }

    @GET
    @Path("/linkedin-eligibility")
    public EligibilityView eligibility(@RestPath String tenantId, @RestPath String userId, @Context UriInfo uri) {
        var asked = answers.mayCheck(access.caller(), tenantId, userId);
        return answers.check(asked, EligibilityAnswers.client(QueryParameters.of(uri).single("client")));
    }
}
