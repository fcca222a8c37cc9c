package com.contoso.linkedin.identity;

/** The request carries no verified identity. */
public class UnauthenticatedException extends RuntimeException {
    public UnauthenticatedException() {
        super("The request has no verified caller identity", null, false, false);
    }
}
