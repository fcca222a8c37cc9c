package com.contoso.linkedin.rest;

/** The request body is not declared as JSON. */
class UnsupportedContentTypeException extends RuntimeException {
    UnsupportedContentTypeException(String detail) {
        super(detail, null, false, false);
    }
}
