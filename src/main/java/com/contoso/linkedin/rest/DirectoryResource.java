package com.contoso.linkedin.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import com.contoso.linkedin.domain.Ids;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.identity.Granted;
import com.contoso.linkedin.rest.RequestBodies.GroupMembersBody;
import com.contoso.linkedin.rest.ResponseBodies.GroupMembersView;
import com.contoso.linkedin.service.SelectionService;

/** Group memberships synced from the directory. */
@Path("/tenants/{tenantId}/groups/{groupId}/members")
@Produces(MediaType.APPLICATION_JSON)
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
    public GroupMembersView sync(@RestPath String tenantId, @RestPath String groupId, @Context HttpHeaders headers,
            String body) {
        Granted granted = access.require(tenantId, Grant.GLOBAL_ADMIN, Grant.DIRECTORY_SYNC_APP);
        String group = Ids.requireGuid(groupId, "groupId");
        GroupMembersBody request = bodies.read(headers, body, GroupMembersBody.class);
        var add = request.toAdd();
        var remove = request.toRemove();
        selection.updateGroupMembers(granted.tenantId(), group, add, remove);
        return new GroupMembersView(granted.tenantId(), group, add.size(), remove.size());
    }
}
