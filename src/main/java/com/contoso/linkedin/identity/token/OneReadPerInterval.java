package com.contoso.linkedin.identity.token;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Lets one read of the key set through per interval, whatever asks for it (a first read, an
 * expired cache, an unknown {@code kid}), and refuses the others with nimbus' own
 * {@link RateLimitReachedException}. nimbus' {@code JWKSourceBuilder.rateLimited(...)} lets
 * <em>two</em> reads through per interval by design (its {@code RateLimitedJWKSetSource}
 * keeps one for a rotation after a routine refresh), and SPEC section 5 allows one: so tokens
 * with made-up {@code kid}s cost Entra ID and this function one read per interval at most.
 * The cache itself stays nimbus' (the builder's {@code cache(...)} above this source).
 */
final class OneReadPerInterval extends JWKSetSourceWrapper<SecurityContext> {

    private final long intervalMillis;
    private final long timeToLiveMillis;
    private long lastAttempt = Long.MIN_VALUE;
    private long lastSuccess = Long.MIN_VALUE;
    private int reads;

    OneReadPerInterval(JWKSetSource<SecurityContext> source, long intervalMillis, long timeToLiveMillis) {
        super(source);
        this.intervalMillis = intervalMillis;
        this.timeToLiveMillis = timeToLiveMillis;
    }

    @Override
    public synchronized JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime,
            SecurityContext context) throws KeySourceException {
        if (lastAttempt != Long.MIN_VALUE && currentTime - lastAttempt < intervalMillis) {
            throw new RateLimitReachedException();
        }
        lastAttempt = currentTime;
        reads++;
        JWKSet set = getSource().getJWKSet(refreshEvaluator, currentTime, context);
        lastSuccess = currentTime;
        return set;
    }

    /** Whether a set read successfully is still in the cache: then a refused re-read means an unknown key. */
    synchronized boolean holdsKeys(long currentTime) {
        return lastSuccess != Long.MIN_VALUE && currentTime - lastSuccess < timeToLiveMillis;
    }

    /** Reads attempted so far (for tests and the start-up log). */
    synchronized int reads() {
        return reads;
    }
}
