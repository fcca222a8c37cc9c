package com.contoso.linkedin.identity.token;

import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;

/**
 * The key set read from its URL as nimbus' {@code URLBasedJWKSetSource} reads it, but parsed key by
 * key: a key that cannot be parsed (an RSA key without its modulus, an {@code x5c} that is no
 * certificate of the key) is left out instead of failing the whole set. The set is Microsoft's, not
 * ours, and one odd entry must not refuse every token its other keys signed; a key left out
 * verifies nothing, so nothing passes by it. A body that is no key set, or a set of which no key
 * can be used, still fails the read (KEY_SET_UNAVAILABLE, which pages: every token is refused).
 */
final class KeyByKeySetSource implements JWKSetSource<SecurityContext> {
    private final URL url;
    private final ResourceRetriever retriever;

    KeyByKeySetSource(URL url, ResourceRetriever retriever) {
        this.url = url;
        this.retriever = retriever;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        String body;
        try {
            body = retriever.retrieveResource(url).getContent();
        } catch (IOException e) {
            throw new JWKSetRetrievalException("Couldn't retrieve JWK set from URL: " + e.getMessage(), e);
        }
        try {
            return parse(body);
        } catch (ParseException | RuntimeException e) {
            throw new JWKSetParseException("Unable to parse JWK set", e);
        }
    }

    /** The usable keys of a JSON key set; fails when the body is not one, or none of its keys is. */
    static JWKSet parse(String body) throws ParseException {
        List<Object> entries = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(body), "keys");
        if (entries == null) {
            throw new ParseException("No \"keys\" array", 0);
        }
        List<JWK> keys = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> key) {
                try {
                    keys.add(JWK.parse(asJsonObject(key)));
                } catch (ParseException | RuntimeException unusable) {
                    // left out: see the class comment
                }
            }
        }
        if (keys.isEmpty() && !entries.isEmpty()) {
            throw new ParseException("None of the set's " + entries.size() + " keys can be used", 0);
        }
        return new JWKSet(keys);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asJsonObject(Map<?, ?> entry) {
        return (Map<String, Object>) entry;
    }

    @Override
    public void close() {
        // nothing held between reads
    }
}
