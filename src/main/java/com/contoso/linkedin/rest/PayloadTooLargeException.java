package com.contoso.linkedin.rest;

/** The request body is over the contract's limit. */
class PayloadTooLargeException extends RuntimeException {
    PayloadTooLargeException(String detail) {
        super(detail, null, false, false);
    }
}
