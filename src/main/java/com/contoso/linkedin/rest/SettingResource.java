package com.contoso.linkedin.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

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

import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.identity.Granted;
import com.contoso.linkedin.rest.RequestBodies.SettingBody;
import com.contoso.linkedin.rest.ResponseBodies.AuditEntryView;
import com.contoso.linkedin.rest.ResponseBodies.AuditPageView;
import com.contoso.linkedin.rest.ResponseBodies.SelectionView;
import com.contoso.linkedin.rest.ResponseBodies.SettingView;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;
import com.contoso.linkedin.service.SelectionService;
import com.contoso.linkedin.service.SettingService;
import com.contoso.linkedin.service.TenantService;
import com.contoso.linkedin.store.LinkedInStore.AuditPage;

/** The tenant's LinkedIn integration setting, its history and the legacy one-by-one selection. */
@Path("/tenants/{tenantId}/linkedin-integration")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Setting", description = "The tenant's LinkedIn integration setting, its history and the one-by-one selection.")
public class SettingResource {
    static final int DEFAULT_AUDIT_PAGE = 20;
    static final int MAX_AUDIT_PAGE = 100;

    private final Access access;
    private final StrictJson bodies;
    private final TenantService tenants;
    private final SettingService settings;
    private final SelectionService selection;

    public SettingResource(Access access, StrictJson bodies, TenantService tenants, SettingService settings,
            SelectionService selection) {
        this.access = access;
        this.bodies = bodies;
        this.tenants = tenants;
        this.settings = settings;
        this.selection = selection;
    }

    @GET
    @Operation(operationId = "getSetting", summary = "Read the tenant's setting",
            description = "The setting in force (the country's default while never written) and its ETag.")
    @APIResponse(responseCode = "200", description = "The setting.",
            headers = @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG),
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = SettingView.class),
                    example = Examples.SETTING_VIEW))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public Response get(@RestPath String tenantId) {
        Granted granted = access.require(tenantId, Grant.GLOBAL_ADMIN, Grant.GLOBAL_READER,
                Grant.SETTING_WRITER_APP);
        return withETag(tenants.require(granted.tenantId()));
    }

    @PUT
    @Operation(operationId = "putSetting", summary = "Set the tenant's setting", description = """
            Idempotent: the same state again is 200 with no new version and no audit entry. Switching to DISABLED \
            withdraws every user's consent. Refused in a cloud other than PUBLIC unless the mode is DISABLED.""")
    @Parameter(ref = ApiDocument.IF_MATCH)
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = SettingBody.class),
            example = Examples.SETTING_BODY))
    @APIResponse(responseCode = "200", description = "The setting as GET shows it, with its new ETag.",
            headers = @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG),
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = SettingView.class),
                    example = Examples.SETTING_VIEW))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    @APIResponse(responseCode = "409", description = "A mode other than DISABLED outside the PUBLIC cloud.",
            content = @Content(mediaType = ApiDocument.PROBLEM_JSON,
                    schema = @Schema(ref = ApiDocument.CLOUD_NOT_SUPPORTED_PROBLEM), example = Examples.CLOUD_NOT_SUPPORTED))
    @APIResponse(responseCode = "412", ref = ApiDocument.PRECONDITION_FAILED)
    public Response put(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, Grant.GLOBAL_ADMIN, Grant.SETTING_WRITER_APP);
        var precondition = ETags.parseIfMatch(headers.getHeaderString(HttpHeaders.IF_MATCH));
        var change = bodies.read(headers, body, SettingBody.class).toChange();
        var outcome = settings.change(granted.tenantId(), change, precondition, granted.caller().auditName(),
                access.requestId());
        return withETag(outcome.tenant());
    }

    @GET
    @Path("/audit")
    @Operation(operationId = "getSettingAudit", summary = "Read the setting's change history",
            description = "Newest first, a page at a time: pass nextCursor as cursor for the next page.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Entries per page.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The nextCursor of the page before; opaque.",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "One page of changes.",
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = AuditPageView.class),
                    example = Examples.AUDIT_PAGE))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public AuditPageView audit(@RestPath String tenantId, @Context UriInfo uri) {
        Granted granted = access.require(tenantId, Grant.GLOBAL_ADMIN, Grant.GLOBAL_READER);
        QueryParameters query = QueryParameters.of(uri);
        int limit = query.integer("limit", 1, MAX_AUDIT_PAGE).orElse(DEFAULT_AUDIT_PAGE);
        Optional<Long> before = query.single("cursor").map(SettingResource::decodeCursor);
        AuditPage page = settings.audit(granted.tenantId(), limit, before);
        List<AuditEntryView> entries = page.entries().stream().map(AuditEntryView::of).toList();
        return new AuditPageView(granted.tenantId(), entries,
                page.nextBeforeVersion().map(SettingResource::encodeCursor).orElse(null));
    }

    @PUT
    @Path("/selected-users/{userId}")
    @Operation(operationId = "selectUser", summary = "Select a user one by one (legacy selection)")
    @APIResponse(responseCode = "200", description = "Selected.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = SelectionView.class), example = Examples.SELECTION))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public SelectionView select(@RestPath String tenantId, @RestPath String userId) {
        Granted granted = access.require(tenantId, userId, Grant.GLOBAL_ADMIN);
        selection.setSelectedOneByOne(granted.tenantId(), granted.userId(), true);
        return new SelectionView(granted.tenantId(), granted.userId(), true);
    }

    @DELETE
    @Path("/selected-users/{userId}")
    @Operation(operationId = "unselectUser", summary = "Take back a user's one-by-one selection")
    @APIResponse(responseCode = "204", description = "No longer selected one by one.")
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public Response unselect(@RestPath String tenantId, @RestPath String userId) {
        Granted granted = access.require(tenantId, userId, Grant.GLOBAL_ADMIN);
        selection.setSelectedOneByOne(granted.tenantId(), granted.userId(), false);
        return Response.noContent().build();
    }

    private static Response withETag(Tenant tenant) {
        return Response.ok(SettingView.of(tenant)).tag(ETags.of(tenant.setting().version())).build();
    }

    /** Opaque to clients: the version the next page starts below. */
    private static String encodeCursor(long beforeVersion) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v" + beforeVersion).getBytes(StandardCharsets.US_ASCII));
    }

    private static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.matches("v[0-9]{1,18}")) {
                return Long.parseLong(text.substring(1));
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw new InvalidInputException("cursor is not one this API handed out");
    }
}
