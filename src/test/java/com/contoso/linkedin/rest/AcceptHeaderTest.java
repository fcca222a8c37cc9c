package com.contoso.linkedin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 12.5.1 as far as the API's one answer type needs it: the most specific range decides. */
class AcceptHeaderTest {

    @ParameterizedTest(name = "[{0}] takes JSON: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | true", "'' | true", "'  ' | true",
            "application/json | true", "APPLICATION/JSON | true", "application/json; charset=utf-8 | true",
            "*/* | true", "application/* | true", "text/html, application/json;q=0.5 | true", "*/*;q=0.1 | true",
            "application/json;q=abc | true", "application/json;Q=1 | true",
            "text/html | false", "application/problem+json | false", "application/json;q=0 | false",
            "application/json;q=0.000 | false", "application/json;q=0, */* | false", "*/*;q=0 | false",
            "'*/*;q=0, application/json' | true", "application/*;q=0, */* | false",
            "';;;,,' | false", "',' | false", "';' | false", "'application/json;;' | true", "'text/html;q=' | false",
            "'application/json ;q=1' | true", "'Application/Json ; Q=0.5' | true", "'application/json\t;q=1' | true",
            "application/json;q=0.0001 | true", "application/json;q=-1 | true", "application/json;q=NaN | true",
            "application/json;q=2 | true", "application/json;q=0.001 | true", "application/json;q=1.000 | true" })
    void takesJson(String accept, boolean expected) {
        assertEquals(expected, AcceptHeader.takesJson(accept));
    }
}
