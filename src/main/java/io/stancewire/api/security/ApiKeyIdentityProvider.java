package io.stancewire.api.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stancewire.config.StancewireConfig;

/**
 * Checks a presented API key against {@code stancewire.security.api-keys}. A known key becomes an identity named
 * after the key's name with its roles; an unknown key fails authentication (401).
 */
@Singleton
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);

    private final List<ApiKey> keys;

    @Inject
    public ApiKeyIdentityProvider(StancewireConfig config) {
        this(parse(config.security().apiKeys().orElse(List.of())));
    }

    public ApiKeyIdentityProvider(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    private static List<ApiKey> parse(List<String> entries) {
        List<ApiKey> keys = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                keys.add(ApiKey.parse(entry)); // a malformed entry stops the start, naming it
            }
        }
        return keys;
    }

    void logKeys(@Observes StartupEvent event, StancewireConfig config) {
        if (keys.isEmpty()) {
            LOG.warn("No API keys are configured (stancewire.security.api-keys, env STANCEWIRE_SECURITY_API_KEYS, "
                    + "entries 'name:writer+admin:key'): POST /api/v1/articles and admin endpoints answer 401 "
                    + "until one is set");
        } else {
            LOG.infof("API keys configured: %s", keys.stream().map(k -> k.name() + " " + k.roles()).toList());
        }
        LOG.infof("Reads are %s", config.security().readsOpen() ? "open to everyone (stancewire.security.reads-open)"
                : "restricted to authenticated callers");
    }

    public boolean hasKeys() {
        return !keys.isEmpty();
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return Uni.createFrom().item(() -> identity(request.key()));
    }

    /** The identity of a key, or AuthenticationFailedException. */
    SecurityIdentity identity(String presented) {
        byte[] digest = ApiKey.sha256(presented);
        ApiKey found = null;
        for (ApiKey key : keys) { // every key is compared, so the time does not tell which one nearly matched
            if (key.matches(digest) && found == null) {
                found = key;
            }
        }
        if (found == null) {
            throw new AuthenticationFailedException("the API key is not valid");
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(found.name()))
                .addRoles(found.roles()).build();
    }
}
