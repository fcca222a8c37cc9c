package com.contoso.linkedin.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.identity.Granted;
import com.contoso.linkedin.rest.RequestBodies.GroupMembersBody;
import com.contoso.linkedin.rest.ResponseBodies.GroupMembersView;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;
import com.contoso.linkedin.service.SelectionService;

/** Group memberships synced from the directory. */
@Path("/tenants/{tenantId}/groups/{groupId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "Group memberships synced from the directory.")
public class DirectoryResource {

    private final Access access;
    private final StrictJson bodies;
    private final SelectionService selection;

    public DirectoryResource(Access access, StrictJson bodies, SelectionService selection) {
        this.access = access;
        this.bodies = bodies;
        this.selection = selection;
    }

    @POST
    @Operation(operationId = "syncGroupMembers", summary = "Add users to and remove users from a group",
            description = "Audited and counted: one audit entry per stored transaction, of the changes it really made.")
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = GroupMembersBody.class),
            example = Examples.GROUP_MEMBERS_BODY))
    @APIResponse(responseCode = "200", description = "How many users it really added and removed: "
            + "a user already in the group, or not in it, counts in neither.",
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = GroupMembersView.class),
                    example = Examples.GROUP_MEMBERS_VIEW))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public GroupMembersView sync(@RestPath String tenantId, @RestPath String groupId, @Context HttpHeaders headers,
            String body) {
        String group = access.pathId(groupId, "groupId");
        Granted granted = access.require(tenantId, Grant.GLOBAL_ADMIN, Grant.DIRECTORY_SYNC_APP);
        GroupMembersBody request = bodies.read(headers, body, GroupMembersBody.class);
        var made = selection.updateGroupMembers(granted.tenantId(), group, request.toAdd(), request.toRemove(),
                granted.caller().auditName(), access.requestId());
        return new GroupMembersView(granted.tenantId(), group, made.added().size(), made.removed().size());
    }
}
