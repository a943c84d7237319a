package io.stancewire.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stancewire.KafkaBrokerResource;
import io.stancewire.stance.Lookup;
import io.stancewire.stance.QueryScope;
import io.stancewire.stance.StanceQueries;

/**
 * Instances that call each other over TLS with a key of their own: {@code stancewire.peers.tls-configuration-name}
 * names a TLS configuration that trusts the peers' certificate (made for the run with the JDK's keytool), and
 * {@code stancewire.peers.api-key} is the key presented instead of the caller's.
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@TestProfile(PeerTlsTest.TlsBetweenInstances.class)
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PeerTlsTest {

    static final Path DIR = certificates();
    static final String PASSWORD = "peer-test-password";

    /** The service trusts the certificate of {@code peer.p12} (not that of {@code stranger.p12}). */
    public static class TlsBetweenInstances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stancewire.peers.tls-configuration-name", "peers",
                    "quarkus.tls.peers.trust-store.pem.certs", DIR.resolve("peer.crt").toString(),
                    "stancewire.peers.api-key", "peer-reader-key-0123456789");
        }
    }

    @InjectMock
    StanceQueries queries;

    @Test
    void aPeerWithATrustedCertificateIsAskedOverHttpsWithThisInstancesKey() {
        try (PeerServer peer = new PeerServer(200, "{\"id\":\"ana\",\"evidence\":3}", Duration.ZERO, tls("peer"))) {
            when(queries.leader("ana", QueryScope.ALL_INSTANCES)).thenReturn(new Lookup.HeldElsewhere<>(peer.address()));
            given().header("X-API-Key", "test-reader-key-0123456789").get("/api/v1/leaders/ana").then()
                    .statusCode(200).body("evidence", equalTo(3));
            assertThat(peer.received).singleElement().satisfies(request -> {
                assertThat(request.apiKey()).isEqualTo("peer-reader-key-0123456789");
                assertThat(request.rawQuery()).isEqualTo("local=true");
            });
        }
    }

    @Test
    void aPeerWhoseCertificateIsNotTrustedIsNotAsked() {
        try (PeerServer stranger = new PeerServer(200, "{\"id\":\"ana\"}", Duration.ZERO, tls("stranger"))) {
            when(queries.leader("ana", QueryScope.ALL_INSTANCES))
                    .thenReturn(new Lookup.HeldElsewhere<>(stranger.address()));
            given().get("/api/v1/leaders/ana").then().statusCode(502)
                    .body("type", equalTo("/problems/peer-unavailable"));
            assertThat(stranger.received).as("the handshake fails before any request").isEmpty();
        }
    }

    private static SSLContext tls(String name) {
        try (InputStream in = Files.newInputStream(DIR.resolve(name + ".p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two self-signed certificates for 127.0.0.1, made with the JDK's keytool for this run. */
    private static Path certificates() {
        try {
            Path dir = Files.createTempDirectory("stancewire-peer-tls-");
            for (String name : List.of("peer", "stranger")) {
                keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                        "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                        "-keystore", dir.resolve(name + ".p12").toString(), "-storepass", PASSWORD);
                keytool("-exportcert", "-rfc", "-alias", name, "-keystore", dir.resolve(name + ".p12").toString(),
                        "-storepass", PASSWORD, "-file", dir.resolve(name + ".crt").toString());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
