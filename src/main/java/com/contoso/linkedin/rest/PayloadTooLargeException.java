package com.contoso.linkedin.rest;

/** The request body is over the contract's limit ({@link StrictJson#MAX_BODY_BYTES}). */
class PayloadTooLargeException extends RuntimeException {
    PayloadTooLargeException() {
        super("The body is larger than " + StrictJson.MAX_BODY_BYTES + " bytes", null, false, false);
    }
}
