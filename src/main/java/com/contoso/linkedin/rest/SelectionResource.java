package com.contoso.linkedin.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.contoso.linkedin.domain.Ids;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.identity.Granted;
import com.contoso.linkedin.rest.ResponseBodies.SelectedUsersView;
import com.contoso.linkedin.rest.ResponseBodies.SelectionView;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;
import com.contoso.linkedin.service.SelectionService;
import com.contoso.linkedin.store.LinkedInStore.SelectedUsersPage;

/** The legacy one-by-one selection: each user's, and the whole of it for export. */
@Path("/tenants/{tenantId}/linkedin-integration/selected-users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Setting")
public class SelectionResource {
    static final int MAX_PAGE = 100;
    private static final char USERS_CURSOR = 'u';

    private final Access access;
    private final SelectionService selection;

    public SelectionResource(Access access, SelectionService selection) {
        this.access = access;
        this.selection = selection;
    }

    @GET
    @Operation(operationId = "listSelectedUsers", summary = "Export the users selected one by one", description = """
            Ordered by user id, a page at a time: pass nextCursor as cursor for the next page. Read from an index \
            of the tenant's users: a selection shows a moment after it is made.""")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "User ids per page.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "100"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The nextCursor of the page before; opaque.",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "One page of the selection.", content = @Content(
            mediaType = ApiDocument.JSON, schema = @Schema(implementation = SelectedUsersView.class),
            example = Examples.SELECTED_USERS))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public SelectedUsersView list(@RestPath String tenantId, @Context UriInfo uri) {
        Granted granted = access.require(tenantId, Grant.GLOBAL_ADMIN, Grant.GLOBAL_READER);
        QueryParameters query = QueryParameters.of(uri);
        int limit = query.integer("limit", 1, MAX_PAGE).orElse(MAX_PAGE);
        var after = query.single("cursor").map(cursor -> Cursors.decode(USERS_CURSOR, granted.tenantId(), cursor))
                .map(userId -> {
                    if (!Ids.isGuid(userId)) {
                        throw new InvalidInputException("cursor is not one this list handed out");
                    }
                    return userId;
                });
        SelectedUsersPage page = selection.selectedUsers(granted.tenantId(), limit, after);
        return new SelectedUsersView(granted.tenantId(), page.userIds(),
                page.next().map(userId -> Cursors.encode(USERS_CURSOR, granted.tenantId(), userId)).orElse(null));
    }

    @PUT
    @Path("/{userId}")
    @Operation(operationId = "selectUser", summary = "Select a user one by one (legacy selection)",
            description = "Audited and counted when it changes the selection; the same again changes nothing.")
    @APIResponse(responseCode = "200", description = "Selected.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = SelectionView.class), example = Examples.SELECTION))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public SelectionView select(@RestPath String tenantId, @RestPath String userId) {
        Granted granted = access.require(tenantId, userId, Grant.GLOBAL_ADMIN);
        selection.setSelectedOneByOne(granted.tenantId(), granted.userId(), true, granted.caller().auditName(),
                access.requestId());
        return new SelectionView(granted.tenantId(), granted.userId(), true);
    }

    @DELETE
    @Path("/{userId}")
    @Operation(operationId = "unselectUser", summary = "Take back a user's one-by-one selection")
    @APIResponse(responseCode = "204", description = "No longer selected one by one.")
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public Response unselect(@RestPath String tenantId, @RestPath String userId) {
        Granted granted = access.require(tenantId, userId, Grant.GLOBAL_ADMIN);
        selection.setSelectedOneByOne(granted.tenantId(), granted.userId(), false, granted.caller().auditName(),
                access.requestId());
        return Response.noContent().build();
    }
}
