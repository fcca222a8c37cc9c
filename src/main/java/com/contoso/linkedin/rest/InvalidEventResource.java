package com.contoso.linkedin.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.contoso.linkedin.domain.InvalidInputException;

/** Where {@code lambda.EventMapping} routes an event that names no HTTP method or path. */
@Path(InvalidEventResource.PATH)
public class InvalidEventResource {
    public static final String PATH = "/_invalid-event";

    @GET
    @Produces("application/problem+json")
    @Operation(hidden = true) // not a route of the API: where malformed events land
    public String refuse() {
        throw new InvalidInputException(
                "The event is not an API Gateway HTTP API (payload format 2.0) request: "
                        + "no method and path could be read from it");
    }
}
