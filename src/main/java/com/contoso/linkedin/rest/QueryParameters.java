package com.contoso.linkedin.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import com.contoso.linkedin.domain.InvalidInputException;

/**
 * Query parameters read strictly: each at most once, values checked. Which names an endpoint
 * takes at all is {@link RequestFilters}' concern.
 */
final class QueryParameters {
    private final MultivaluedMap<String, String> values;

    private QueryParameters(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    static QueryParameters of(UriInfo uri) {
        return new QueryParameters(uri.getQueryParameters());
    }

    Optional<String> single(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() > 1) {
            throw new InvalidInputException("Query parameter " + name + " is given more than once");
        }
        return Optional.of(given.get(0));
    }

    Optional<Integer> integer(String name, int min, int max) {
        return single(name).map(text -> {
            if (!text.matches("[0-9]{1,9}")) {
                throw new InvalidInputException(name + " must be a whole number from " + min + " to " + max);
            }
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new InvalidInputException(name + " must be a whole number from " + min + " to " + max);
            }
            return value;
        });
    }

    /** An ISO-8601 instant, such as 2026-11-27T19:00:00Z. */
    Optional<Instant> instant(String name) {
        return single(name).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                throw new InvalidInputException(name + " must be an ISO-8601 instant such as 2026-11-27T19:00:00Z");
            }
        });
    }
}
