package com.contoso.linkedin.identity.token;

import static com.contoso.linkedin.support.EntraTokens.AUDIENCE;
import static com.contoso.linkedin.support.EntraTokens.claims;
import static com.contoso.linkedin.support.EntraTokens.sign;
import static com.contoso.linkedin.support.EntraTokens.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.contoso.linkedin.support.EntraTokens;
import com.contoso.linkedin.support.KeySetServer;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * How the key set is read: once, then from the cache; again for a new kid, but at most once per
 * {@code linkedin.identity.jwks-min-refresh} whatever the tokens say; and when it cannot be read,
 * every token is refused (fail closed), the verifier never throws.
 */
class KeySetReadsTest {

    private static final Duration MIN_REFRESH = Duration.ofSeconds(1);
    private static final String TENANT = tenant();

    private static RSAKey firstKey;
    private static RSAKey rotatedKey;

    @BeforeAll
    static void keys() {
        firstKey = EntraTokens.rsaKey("first");
        rotatedKey = EntraTokens.rsaKey("rotated");
    }

    private static EntraTokenVerifier verifier(URI keySet) {
        return verifier(keySet, MIN_REFRESH);
    }

    private static EntraTokenVerifier verifier(URI keySet, Duration minRefresh) {
        return new EntraTokenVerifier(new VerifierSettings(keySet, Set.of(AUDIENCE), minRefresh, Duration.ofMinutes(5)));
    }

    @Test
    void keySet_isReadOnce_thenServedFromTheCache() throws Exception {
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            EntraTokenVerifier verifier = verifier(keySet.uri());

            for (int i = 0; i < 20; i++) {
                assertTrue(verifier.verify(sign(firstKey, claims(TENANT))).isPassed());
            }

            assertEquals(1, keySet.reads());
        }
    }

    @Test
    void keyRotation_aNewKid_readsTheSetOnce_thenItIsCached() throws Exception {
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            EntraTokenVerifier verifier = verifier(keySet.uri());
            assertTrue(verifier.verify(sign(firstKey, claims(TENANT))).isPassed());
            keySet.serve(firstKey, rotatedKey);
            Thread.sleep(MIN_REFRESH.toMillis() + 100);

            for (int i = 0; i < 10; i++) {
                assertEquals(null, verifier.verify(sign(rotatedKey, claims(TENANT))).refusal());
            }
            assertTrue(verifier.verify(sign(firstKey, claims(TENANT))).isPassed(), "the old key still counts");

            assertEquals(2, keySet.reads(), "one read at start, one for the new kid, then the cache");
        }
    }

    @Test
    void aNewKid_withinTheIntervalOfTheLastRead_isUnknown_withoutAnotherRead() throws Exception {
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            EntraTokenVerifier verifier = verifier(keySet.uri(), Duration.ofMinutes(5));
            assertTrue(verifier.verify(sign(firstKey, claims(TENANT))).isPassed());
            keySet.serve(firstKey, rotatedKey);

            assertEquals(Refusal.UNKNOWN_KEY, verifier.verify(sign(rotatedKey, claims(TENANT))).refusal());
            assertEquals(1, keySet.reads());
        }
    }

    @Test
    void aFloodOfUnknownKids_readsTheSetAtMostOncePerInterval() throws Exception {
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            EntraTokenVerifier verifier = verifier(keySet.uri());
            assertTrue(verifier.verify(sign(firstKey, claims(TENANT))).isPassed());
            RSAKey attacker = EntraTokens.rsaKey("made-up");
            String unknown = sign(attacker, claims(TENANT));
            String valid = sign(firstKey, claims(TENANT));
            long floodMillis = 2_500;
            long end = System.currentTimeMillis() + floodMillis;
            int tokens = 0;

            while (System.currentTimeMillis() < end && tokens < 200_000) {
                assertEquals(Refusal.UNKNOWN_KEY, verifier.verify(unknown).refusal());
                assertTrue(verifier.verify(valid).isPassed(), "known keys keep passing during the flood");
                tokens++;
            }

            List<Long> reads = keySet.readTimes();
            assertTrue(tokens > 100, "the flood sent " + tokens + " tokens");
            assertTrue(reads.size() <= 1 + floodMillis / MIN_REFRESH.toMillis() + 1, "reads: " + reads.size());
            assertTrue(reads.size() >= 2, "re-read once the interval passed: " + reads.size());
            for (int i = 1; i < reads.size(); i++) {
                // a limiter of two reads per interval would read twice within milliseconds; arrival
                // times at the server may lag the reads a little on a busy machine
                long gap = reads.get(i) - reads.get(i - 1);
                assertTrue(gap >= MIN_REFRESH.toMillis() / 2, "two reads " + gap + " ms apart");
            }
        }
    }

    @Test
    void everyToken_isRefused_whenTheKeySetIsUnreachable() throws Exception {
        EntraTokenVerifier verifier = verifier(KeySetServer.unreachable());

        assertEquals(Refusal.KEY_SET_UNAVAILABLE, verifier.loadKeys());
        assertEquals(Refusal.KEY_SET_UNAVAILABLE, verifier.verify(sign(firstKey, claims(TENANT))).refusal());
    }

    @Test
    void everyToken_isRefused_whenTheKeySetAnswers500() throws Exception {
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            keySet.answer(KeySetServer.Answer.ERROR_500);

            assertEquals(Refusal.KEY_SET_UNAVAILABLE, verifier(keySet.uri()).verify(sign(firstKey, claims(TENANT))).refusal());
        }
    }

    @Test
    void everyToken_isRefused_whenTheKeySetIsNotJson() throws Exception {
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            keySet.answer(KeySetServer.Answer.NOT_JSON);

            assertEquals(Refusal.KEY_SET_UNAVAILABLE, verifier(keySet.uri()).verify(sign(firstKey, claims(TENANT))).refusal());
        }
    }

    @Test
    void keysNoParserCanUse_areLeftOut_andTheOthersStillVerify() throws Exception {
        // Microsoft's set, not ours: one odd entry must not refuse every token.
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            keySet.answer(KeySetServer.Answer.KEYS_AND_BROKEN_ONES);

            assertTrue(verifier(keySet.uri()).verify(sign(firstKey, claims(TENANT))).isPassed());
        }
    }

    @Test
    void aKeySetOfWhichNoKeyCanBeUsed_isUnavailable_notASetOfUnknownKeys() throws Exception {
        // KEY_SET_UNAVAILABLE pages (AuthorizerFaultsAlarm): every token is refused while it lasts.
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            keySet.answer(KeySetServer.Answer.ONLY_BROKEN_ONES);

            assertEquals(Refusal.KEY_SET_UNAVAILABLE, verifier(keySet.uri()).verify(sign(firstKey, claims(TENANT))).refusal());
        }
    }

    @Test
    void everyToken_isRefused_withinTheReadBound_whenTheKeySetTrickles() throws Exception {
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            keySet.answer(KeySetServer.Answer.TRICKLE);
            EntraTokenVerifier verifier = verifier(keySet.uri());

            long started = System.nanoTime();
            Refusal refusal = verifier.verify(sign(firstKey, claims(TENANT))).refusal();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(Refusal.KEY_SET_UNAVAILABLE, refusal);
            // The set takes over a minute to arrive, each byte well within the read timeout.
            assertTrue(took.compareTo(EntraTokenVerifier.KEY_SET_READ_BOUND.plusSeconds(2)) < 0, took::toString);
        }
    }

    @Test
    void aFailedRead_isNotRetriedWithinTheInterval_butIsAfterIt() throws Exception {
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            keySet.answer(KeySetServer.Answer.ERROR_500);
            Duration interval = Duration.ofMillis(1500);
            EntraTokenVerifier verifier = verifier(keySet.uri(), interval);
            assertEquals(Refusal.KEY_SET_UNAVAILABLE, verifier.loadKeys());
            keySet.serve(firstKey);

            assertEquals(Refusal.KEY_SET_UNAVAILABLE, verifier.verify(sign(firstKey, claims(TENANT))).refusal());
            assertEquals(1, keySet.reads());
            Thread.sleep(interval.toMillis() + 100);
            assertTrue(verifier.verify(sign(firstKey, claims(TENANT))).isPassed());
            assertEquals(2, keySet.reads());
        }
    }

    @Test
    void loadingTheKeys_atStartUp_spareTheFirstTokenARead() throws Exception {
        try (KeySetServer keySet = new KeySetServer(firstKey)) {
            EntraTokenVerifier verifier = verifier(keySet.uri());

            assertEquals(null, verifier.loadKeys());
            assertTrue(verifier.verify(sign(firstKey, claims(TENANT))).isPassed());
            assertEquals(1, keySet.reads());
        }
    }
}
