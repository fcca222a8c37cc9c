package com.contoso.linkedin.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.contoso.linkedin.rest.DirectRoutes;

import io.quarkus.arc.Arc;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import io.quarkus.runtime.Quarkus;

/**
 * The handler of every function on Lambda's JVM runtimes (infra/template.yaml and the
 * {@code jvm25-aot} runtime of infra/aot-runtime): the check, batch and profile-card routes, asked
 * on every profile card drawn, are answered by {@link DirectRoutes}; every other event, and every
 * one those routes decline, goes to Quarkus' own handler and its HTTP layer.
 *
 * <p>Deliberately not a {@code RequestStreamHandler}: the Lambda extension refuses a build that
 * declares a handler type of its own next to its HTTP handler, and AWS's runtime calls a public
 * {@code handleRequest(InputStream, OutputStream, Context)} all the same. A native build runs
 * Quarkus' own event loop instead, where every route goes through the HTTP layer.
 */
public class FunctionHandler {
    /** Lambda constructs the handler in its init phase: Quarkus is started then, not on the first event. */
    private static final QuarkusStreamHandler QUARKUS = startQuarkus();
    private static final DirectRoutes DIRECT = Arc.container().instance(DirectRoutes.class).get();

    /** Starts Quarkus and waits for its start-up priming, all in the init phase (README "Speed"). */
    private static QuarkusStreamHandler startQuarkus() {
        QuarkusStreamHandler handler = new QuarkusStreamHandler();
        Quarkus.manualStart();
        Arc.container().instance(Priming.class).get().awaitStartPriming();
        return handler;
    }

    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        Optional<byte[]> answer = DIRECT.answer(event, context);
        if (answer.isPresent()) {
            output.write(answer.get());
        } else {
            QUARKUS.handleRequest(new ByteArrayInputStream(event), output, context);
        }
    }
}
