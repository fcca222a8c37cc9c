package com.contoso.linkedin.domain;

/** The request breaks the contract's input rules; nothing was changed. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String detail) {
        super(detail, null, false, false);
    }
}
