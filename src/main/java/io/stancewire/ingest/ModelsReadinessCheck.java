package io.stancewire.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the CoreNLP models are loaded (Kafka Streams has its own readiness check). */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    @Inject
    AnalyzerHolder analysis;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("CoreNLP models").status(analysis.isReady()).build();
    }
}
