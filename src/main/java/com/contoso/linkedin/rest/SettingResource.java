package com.contoso.linkedin.rest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import com.contoso.linkedin.domain.AuditKind;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.identity.Granted;
import com.contoso.linkedin.rest.RequestBodies.SettingBody;
import com.contoso.linkedin.rest.ResponseBodies.AuditEntryView;
import com.contoso.linkedin.rest.ResponseBodies.AuditPageView;
import com.contoso.linkedin.rest.ResponseBodies.PreviewView;
import com.contoso.linkedin.rest.ResponseBodies.SettingView;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;
import com.contoso.linkedin.service.SettingService;
import com.contoso.linkedin.service.TenantService;
import com.contoso.linkedin.store.LinkedInStore.AuditPage;
import com.contoso.linkedin.store.LinkedInStore.AuditQuery;

/** The tenant's LinkedIn integration setting, a preview of its writes, and the tenant's change history. */
@Path("/tenants/{tenantId}/linkedin-integration")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Setting", description = "The tenant's LinkedIn integration setting, its history and the one-by-one selection.")
public class SettingResource {
    static final int DEFAULT_AUDIT_PAGE = 20;
    static final int MAX_AUDIT_PAGE = 100;
    private static final char AUDIT_CURSOR = 'a';

    private final Access access;
    private final StrictJson bodies;
    private final TenantService tenants;
    private final SettingService settings;

    public SettingResource(Access access, StrictJson bodies, TenantService tenants, SettingService settings) {
        this.access = access;
        this.bodies = bodies;
        this.tenants = tenants;
        this.settings = settings;
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
    @APIResponse(responseCode = "409", ref = ApiDocument.CLOUD_NOT_SUPPORTED)
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
    @Operation(operationId = "getSettingAudit", summary = "Read the tenant's change history", description = """
            Every change that can change an answer, newest first, a page at a time: pass nextCursor as cursor for \
            the next page. With kind, a page may hold fewer entries than limit, even none, and still a nextCursor.""")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Entries per page.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The nextCursor of the page before; opaque.",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = "Only entries of these kinds, comma-separated.",
            schema = @Schema(type = SchemaType.STRING), example = "SETTING,TENANT_RECORD")
    @Parameter(name = "since", in = ParameterIn.QUERY, description = "Only entries from this instant on (inclusive).",
            schema = @Schema(type = SchemaType.STRING, format = ApiDocument.INSTANT))
    @Parameter(name = "until", in = ParameterIn.QUERY, description = "Only entries before this instant (exclusive).",
            schema = @Schema(type = SchemaType.STRING, format = ApiDocument.INSTANT))
    @APIResponse(responseCode = "200", description = "One page of changes.",
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = AuditPageView.class),
                    example = Examples.AUDIT_PAGE))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    public AuditPageView audit(@RestPath String tenantId, @Context UriInfo uri) {
        Granted granted = access.require(tenantId, Grant.GLOBAL_ADMIN, Grant.GLOBAL_READER);
        QueryParameters query = QueryParameters.of(uri);
        int limit = query.integer("limit", 1, MAX_AUDIT_PAGE).orElse(DEFAULT_AUDIT_PAGE);
        Set<AuditKind> kinds = query.single("kind").map(SettingResource::kinds).orElse(Set.of());
        var since = query.instant("since");
        var until = query.instant("until");
        // The list a cursor continues: this tenant's entries under these filters.
        String list = granted.tenantId() + '|' + new TreeSet<>(kinds) + '|' + since + '|' + until;
        AuditQuery filter = new AuditQuery(kinds, since, until, limit,
                query.single("cursor").map(cursor -> Cursors.decode(AUDIT_CURSOR, list, cursor)));
        AuditPage page = settings.audit(granted.tenantId(), filter);
        List<AuditEntryView> entries = page.entries().stream().map(AuditEntryView::of).toList();
        return new AuditPageView(granted.tenantId(), entries,
                page.next().map(position -> Cursors.encode(AUDIT_CURSOR, list, position)).orElse(null));
    }

    @POST
    @Path("/preview")
    @Operation(operationId = "previewSetting", summary = "Preview a write of the setting", description = """
            What a PUT of the same body would do, without writing: the resulting mode and availability, whom it \
            would affect (counted from the counts the store keeps with every write) and warnings. Refused as the \
            PUT would be (If-Match, cloud, tenant). currentVersion is the ETag number previewed: a PUT with If-Match of \
            it writes only while the setting is still the one previewed.""")
    @Parameter(ref = ApiDocument.IF_MATCH)
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = SettingBody.class),
            example = Examples.SETTING_BODY))
    @APIResponse(responseCode = "200", description = "What the write would do.",
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = PreviewView.class),
                    example = Examples.PREVIEW))
    @APIResponse(responseCode = "404", ref = ApiDocument.TENANT_NOT_PROVISIONED)
    @APIResponse(responseCode = "409", ref = ApiDocument.CLOUD_NOT_SUPPORTED)
    @APIResponse(responseCode = "412", ref = ApiDocument.PRECONDITION_FAILED)
    public PreviewView preview(@RestPath String tenantId, @Context HttpHeaders headers, String body) {
        Granted granted = access.require(tenantId, Grant.GLOBAL_ADMIN, Grant.GLOBAL_READER, Grant.SETTING_WRITER_APP);
        var precondition = ETags.parseIfMatch(headers.getHeaderString(HttpHeaders.IF_MATCH));
        var change = bodies.read(headers, body, SettingBody.class).toChange();
        return PreviewView.of(granted.tenantId(), settings.preview(granted.tenantId(), change, precondition));
    }

    private static Response withETag(Tenant tenant) {
        return Response.ok(SettingView.of(tenant)).tag(ETags.of(tenant.etagVersion())).build();
    }

    /** kind=SETTING,SELECTION: each one of AuditKind, at least one. */
    private static Set<AuditKind> kinds(String text) {
        Set<AuditKind> kinds = EnumSet.noneOf(AuditKind.class);
        for (String name : text.split(",", -1)) {
            try {
                kinds.add(AuditKind.valueOf(name.trim()));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInputException("kind must be a comma-separated list of " + Arrays.toString(AuditKind.values()));
            }
        }
        return kinds;
    }
}
