package com.contoso.linkedin.rest.ofrep;

/**
 * A request OFREP answers with its own error document rather than a problem: the flag is unknown
 * (404) or the body or its context cannot be evaluated (400). The detail names what is wrong and
 * never echoes the input. With a flag key it is the answer of the single-flag endpoint, without
 * one the answer to a whole bulk request.
 */
public class OfrepException extends RuntimeException {

    /** The OpenFeature error codes an OFREP server answers with. */
    public enum ErrorCode {
        PARSE_ERROR, TARGETING_KEY_MISSING, INVALID_CONTEXT, FLAG_NOT_FOUND
    }

    private final int status;
    private final ErrorCode errorCode;
    private final String key;

    public OfrepException(int status, ErrorCode errorCode, String detail) {
        this(status, errorCode, detail, null);
    }

    private OfrepException(int status, ErrorCode errorCode, String detail, String key) {
        super(detail, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.key = key;
    }

    public static OfrepException invalidContext(String detail) {
        return new OfrepException(400, ErrorCode.INVALID_CONTEXT, detail);
    }

    /** The same error, as the answer about one flag. */
    public OfrepException forFlag(String flagKey) {
        return new OfrepException(status, errorCode, getMessage(), flagKey);
    }

    public int status() {
        return status;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The flag asked about, or null for a bulk request. */
    public String key() {
        return key;
    }
}
