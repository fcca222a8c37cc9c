package com.contoso.linkedin.rest;

import java.util.List;

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

import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.rest.Bodies.ConnectionBody;
import com.contoso.linkedin.rest.Bodies.OfficeOptionBody;
import com.contoso.linkedin.rest.Bodies.OfficePolicyBody;
import com.contoso.linkedin.rest.Bodies.VisibilityBody;
import com.contoso.linkedin.rest.Views.ConnectionView;
import com.contoso.linkedin.rest.Views.EligibilityView;
import com.contoso.linkedin.rest.Views.OfficeOptionView;
import com.contoso.linkedin.rest.Views.OfficePolicyView;
import com.contoso.linkedin.rest.Views.VisibilityView;
import com.contoso.linkedin.service.EligibilityService;
import com.contoso.linkedin.service.UserService;

/** One user: their own choices, the policy set for them, and their eligibility. */
@Path("/tenants/{tenantId}/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    /** Disconnecting stops the link, not what LinkedIn already holds: callers are told so. */
    static final String IMPORTED_DATA_HEADER = "LinkedIn-Imported-Data";
    static final String IMPORTED_DATA_NOTICE =
            "retained; contacts LinkedIn already imported are not deleted by a disconnect";
    /** Who may ask whether a user may see LinkedIn data: the user, or the profile-card service. */
    static final Grant[] MAY_CHECK_ELIGIBILITY = { Grant.THE_USER, Grant.ELIGIBILITY_CHECKER_APP };

    private final Access access;
    private final JsonBodies bodies;
    private final UserService users;
    private final EligibilityService eligibility;

    public UserResource(Access access, JsonBodies bodies, UserService users, EligibilityService eligibility) {
        this.access = access;
        this.bodies = bodies;
        this.users = users;
        this.eligibility = eligibility;
    }

    @PUT
    @Path("/office-policy")
    public OfficePolicyView officePolicy(@RestPath String tenantId, @RestPath String userId,
            @Context HttpHeaders headers, String body) {
        Access.Granted granted = access.require(tenantId, userId, Grant.GLOBAL_ADMIN, Grant.DIRECTORY_SYNC_APP);
        OfficePolicyBody request = bodies.read(headers, body, OfficePolicyBody.class);
        users.setOfficePolicy(granted.tenantId(), granted.userId(), request.policy());
        return new OfficePolicyView(granted.tenantId(), granted.userId(), request.policy().name());
    }

    @PUT
    @Path("/office-option")
    public OfficeOptionView officeOption(@RestPath String tenantId, @RestPath String userId,
            @Context HttpHeaders headers, String body) {
        Access.Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        OfficeOptionBody request = bodies.read(headers, body, OfficeOptionBody.class);
        users.setOfficeOption(granted.tenantId(), granted.userId(), request.showLinkedInFeatures());
        return new OfficeOptionView(granted.tenantId(), granted.userId(), request.showLinkedInFeatures());
    }

    @PUT
    @Path("/linkedin-profile-visibility")
    public VisibilityView visibility(@RestPath String tenantId, @RestPath String userId,
            @Context HttpHeaders headers, String body) {
        Access.Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        VisibilityBody request = bodies.read(headers, body, VisibilityBody.class);
        users.setProfileVisibility(granted.tenantId(), granted.userId(), request.visibleInMicrosoftApps());
        return new VisibilityView(granted.tenantId(), granted.userId(), request.visibleInMicrosoftApps());
    }

    @PUT
    @Path("/linkedin-connection")
    public ConnectionView connect(@RestPath String tenantId, @RestPath String userId, @Context HttpHeaders headers,
            String body) {
        Access.Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        ConnectionBody request = bodies.read(headers, body, ConnectionBody.class);
        users.connect(granted.tenantId(), granted.userId(), request.consent());
        return new ConnectionView(granted.tenantId(), granted.userId(), request.consent().name(), true);
    }

    @DELETE
    @Path("/linkedin-connection")
    public Response disconnect(@RestPath String tenantId, @RestPath String userId) {
        Access.Granted granted = access.require(tenantId, userId, Grant.THE_USER);
        users.disconnect(granted.tenantId(), granted.userId());
        return Response.noContent().header(IMPORTED_DATA_HEADER, IMPORTED_DATA_NOTICE).build();
    }

    @GET
    @Path("/linkedin-eligibility")
    public EligibilityView eligibility(@RestPath String tenantId, @RestPath String userId, @Context UriInfo uri) {
        Access.Granted granted = access.require(tenantId, userId, MAY_CHECK_ELIGIBILITY);
        Client client = QueryParameters.of(uri).single("client").map(UserResource::client)
                .orElse(Client.PROFILE_CARD);
        return eligibilityView(eligibility, granted.tenantId(), granted.userId(), client);
    }

    /** The answer to an authorised check, here and in {@link DirectRoutes}. */
    static EligibilityView eligibilityView(EligibilityService eligibility, String tenantId, String userId,
            Client client) {
        var evaluation = eligibility.check(tenantId, List.of(userId), client);
        return EligibilityView.of(tenantId, userId, client, evaluation.decisions().get(0), evaluation.freshness());
    }

    static Client client(String name) {
        for (Client client : Client.values()) {
            if (client.name().equals(name)) {
                return client;
            }
        }
        throw new InvalidInputException("client must be PROFILE_CARD or OFFICE_DESKTOP");
    }
}
