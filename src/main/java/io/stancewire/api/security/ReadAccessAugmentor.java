package io.stancewire.api.security;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stancewire.config.StancewireConfig;

/**
 * Gives the {@code reader} role to every authenticated caller (a writer or admin may read), and to anonymous callers
 * too while {@code stancewire.security.reads-open=true} (the default).
 */
@Singleton
public class ReadAccessAugmentor implements SecurityIdentityAugmentor {

    private final boolean readsOpen;

    @Inject
    public ReadAccessAugmentor(StancewireConfig config) {
        this(config.security().readsOpen());
    }

    public ReadAccessAugmentor(boolean readsOpen) {
        this.readsOpen = readsOpen;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(withReadAccess(identity));
    }

    SecurityIdentity withReadAccess(SecurityIdentity identity) {
        if (identity.hasRole(Roles.READER) || (identity.isAnonymous() && !readsOpen)) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity).addRole(Roles.READER).build();
    }
}
