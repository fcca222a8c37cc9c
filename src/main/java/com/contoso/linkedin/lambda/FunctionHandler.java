package com.contoso.linkedin.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.Context;

import com.contoso.linkedin.metrics.Metrics;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;

/**
 * The handler of every API function on Lambda's JVM runtimes (infra/template.yaml and the
 * {@code jvm25-aot} runtime of infra/aot-runtime): each event goes to {@link EventDispatch}.
 *
 * <p>Deliberately not a {@code RequestStreamHandler}: the Lambda extension refuses a build that
 * declares a handler type of its own next to its HTTP handler, and AWS's runtime calls a public
 * {@code handleRequest(InputStream, OutputStream, Context)} all the same. A native build runs
 * Quarkus' own poll loop instead, which calls Quarkus' HTTP handler for every event (README).
 */
public class FunctionHandler {
    /**
     * Lambda constructs the handler in its init phase: Quarkus starts and the hot paths are primed
     * then (at most {@code linkedin.priming.timeout}), not on the first event, which would pay for both.
     */
    private static final EventDispatch DISPATCH = start();

    private static EventDispatch start() {
        long began = System.nanoTime();
        Metrics.count("ColdStarts");
        Quarkus.manualInitialize();
        Quarkus.manualStart();
        long started = System.nanoTime();
        Arc.container().instance(Priming.class).get().atStart();
        // One line per cold start: where the init phase went.
        Logger.getLogger(FunctionHandler.class).infof("Init: Quarkus %d ms, priming %d ms",
                (started - began) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
        return Arc.container().instance(EventDispatch.class).get();
    }

    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        DISPATCH.handle(input.readAllBytes(), output, context);
    }
}
