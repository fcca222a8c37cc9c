package com.contoso.linkedin.rest.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What holds for every operation, stated once as the code does it once: every request passes
 * the identity check (401), the grant check (403), the strict id, query and body rules (400), is
 * answered only in JSON (406 for an {@code Accept} without it) and may meet an unavailable store
 * (503) or an unexpected failure (500); a body over 64 KiB is 413 wherever it is sent, and every
 * body an operation takes is read by {@code StrictJson} (415); every answer is {@code Cache-Control: no-store}
 * ({@code RequestFilters}); every id is a GUID. The resources declare only what is particular to
 * an operation; {@link ApiSchemas} refines the bodies' schemas. Runs when the document is generated ({@code mp.openapi.filter}), never at run time.
 */
public class ApiDocumentFilter implements OASFilter {

    /** Answers every operation can give, by status. */
    private static final Map<String, String> EVERY_OPERATION = new TreeMap<>(Map.of(
            "400", ApiDocument.BAD_REQUEST,
            "401", ApiDocument.UNAUTHENTICATED,
            "403", ApiDocument.FORBIDDEN,
            "406", ApiDocument.NOT_ACCEPTABLE,
            "413", ApiDocument.PAYLOAD_TOO_LARGE,
            "500", ApiDocument.INTERNAL_ERROR,
            "503", ApiDocument.STORE_UNAVAILABLE));

    /** Answers every operation with a request body can give, by status. */
    private static final Map<String, String> EVERY_BODY = new TreeMap<>(Map.of(
            "415", ApiDocument.UNSUPPORTED_MEDIA_TYPE));

    /** Fields and path parameters that hold one directory id. */
    private static final Set<String> GUIDS = Set.of("tenantId", "userId", "groupId", "selectedGroupId", "viewerId",
            "subjectId", "targetingKey");

    /** Fields that hold a list of directory ids. */
    private static final Set<String> GUID_LISTS = Set.of("userIds", "subjectIds", "add", "remove", "added", "removed");

    private static final String GUID_RULE = "A GUID; anything else is a 400. Upper case is accepted and answered in lower case.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().values().forEach(path -> {
            if (path.getParameters() != null) {
                path.getParameters().forEach(ApiDocumentFilter::describeParameter);
            }
            path.getOperations().values().forEach(ApiDocumentFilter::completeOperation);
        });
        var components = openAPI.getComponents();
        components.getResponses().values().forEach(ApiDocumentFilter::noStore);
        ApiSchemas.REFINEMENTS.forEach((name, refinement) -> {
            Schema schema = components.getSchemas().get(name);
            if (schema == null) {
                throw new IllegalStateException("No schema " + name + " in the document: the code and ApiSchemas disagree");
            }
            refinement.accept(new ApiSchemas.Refine(name, schema));
        });
        // The OFREP context is read as a JSON tree; the document describes it as OfrepEvaluationContext.
        components.removeSchema("JsonNode");
        components.removeSchema("JsonNodeType");
        components.getSchemas().values().forEach(ApiDocumentFilter::describeIds);
    }

    private static void completeOperation(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ApiDocumentFilter::describeParameter);
        }
        APIResponses responses = operation.getResponses();
        responses.getAPIResponses().values().stream().filter(r -> r.getRef() == null).forEach(ApiDocumentFilter::noStore);
        EVERY_OPERATION.forEach((status, name) -> addUnlessDeclared(responses, status, name));
        if (operation.getRequestBody() != null) {
            EVERY_BODY.forEach((status, name) -> addUnlessDeclared(responses, status, name));
        }
        // By status, so that the document reads (and compares) the same on every build.
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    private static void addUnlessDeclared(APIResponses responses, String status, String name) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
        }
    }

    private static void noStore(APIResponse response) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(ApiDocument.CACHE_CONTROL)) {
            response.addHeader(ApiDocument.CACHE_CONTROL, OASFactory.createHeader().ref(ApiDocument.CACHE_CONTROL));
        }
    }

    private static void describeParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.PATH && GUIDS.contains(parameter.getName())) {
            parameter.setSchema(guid());
            parameter.setDescription(GUID_RULE);
        }
    }

    private static void describeIds(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            if (GUIDS.contains(name)) {
                property.setFormat(ApiDocument.GUID);
            } else if (GUID_LISTS.contains(name) && property.getItems() != null) {
                property.getItems().setFormat(ApiDocument.GUID);
            }
        });
    }

    private static Schema guid() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format(ApiDocument.GUID);
    }
}
