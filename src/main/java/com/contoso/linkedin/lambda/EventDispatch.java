package com.contoso.linkedin.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.Context;
import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.rest.RequestTrace;
import com.contoso.linkedin.store.Deadline;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import io.quarkus.arc.Unremovable;

/**
 * How every Lambda event is answered on the JVM: the {@link HotRoutes} first, then Quarkus' own
 * handler and its HTTP layer for every event they decline. {@link FunctionHandler} calls it in
 * production, and the tests send their events through it, so both run the same dispatch.
 */
@ApplicationScoped
@Unremovable // looked up by FunctionHandler, which is no bean
public class EventDispatch {

    private final HotRoutes hotRoutes;
    private final Duration answerMargin;

    public EventDispatch(HotRoutes hotRoutes, LinkedInConfig config) {
        this.hotRoutes = hotRoutes;
        this.answerMargin = config.store().answerMargin();
    }

    public void handle(byte[] event, OutputStream output, Context context) throws IOException {
        RequestTrace.begin(context);
        try (var deadline = Deadline.open(RequestTrace.timeLeft(context, answerMargin))) {
            Optional<byte[]> answer = hotRoutes.answer(event, context);
            if (answer.isPresent()) {
                output.write(answer.get());
            } else {
                throughHttpLayer(event, output, context);
            }
        } finally {
            RequestTrace.end();
        }
    }

    /**
     * Quarkus' Lambda handler alone: what a native build runs for every event. {@link EventMapping}
     * reads any input as some event, JSON or not, so no event fails to be read.
     */
    public void throughHttpLayer(byte[] event, OutputStream output, Context context) throws IOException {
        AmazonLambdaRecorder.handle(new ByteArrayInputStream(event), output, context);
    }
}
