package io.stancewire.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** API key entries, key checks and read access, without the application (SecurityTest covers HTTP). */
class ApiKeySecurityTest {

    @Test
    void entriesParseAndMalformedOnesAreNamedWithoutTheirKey() {
        ApiKey key = ApiKey.parse(" ops:writer+admin:0123456789abcdef0123 ");
        assertThat(key.name()).isEqualTo("ops");
        assertThat(key.roles()).containsExactlyInAnyOrder("writer", "admin");
        assertThat(key.toString()).doesNotContain("0123456789abcdef");

        assertThatThrownBy(() -> ApiKey.parse("ci:writer")).hasMessageContaining("'ci'")
                .hasMessageContaining("name:role");
        assertThatThrownBy(() -> ApiKey.parse("ci:root:0123456789abcdef0123")).hasMessageContaining("unknown role 'root'")
                .hasMessageNotContaining("0123456789abcdef");
        assertThatThrownBy(() -> ApiKey.parse("ci:writer:short-key")).hasMessageContaining("shorter than 16")
                .hasMessageNotContaining("short-key");
        // a key may contain colons
        assertThat(ApiKey.parse("ci:writer:abc:def:ghi:jkl:mno").matches(ApiKey.sha256("abc:def:ghi:jkl:mno"))).isTrue();
    }

    @Test
    void aKnownKeyIsItsNameAndRolesAndAnUnknownOneFails() {
        ApiKeyIdentityProvider provider = new ApiKeyIdentityProvider(List.of(
                ApiKey.parse("ci:writer:ci-key-0123456789abcdef"), ApiKey.parse("ops:admin:ops-key-0123456789abcdef")));
        SecurityIdentity ci = provider.identity("ci-key-0123456789abcdef");
        assertThat(ci.getPrincipal().getName()).isEqualTo("ci");
        assertThat(ci.getRoles()).containsExactly("writer");
        assertThat(provider.identity("ops-key-0123456789abcdef").getRoles()).containsExactly("admin");
        assertThatThrownBy(() -> provider.identity("ci-key-0123456789abcdeX"))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> new ApiKeyIdentityProvider(List.of()).identity("anything-at-all-0123"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void readsOpenGiveAnonymousCallersTheReaderRoleAndClosedReadsDoNot() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        SecurityIdentity writer = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("ci"))
                .addRole(Roles.WRITER).build();

        assertThat(new ReadAccessAugmentor(true).withReadAccess(anonymous).hasRole(Roles.READER)).isTrue();
        assertThat(new ReadAccessAugmentor(true).withReadAccess(anonymous).isAnonymous()).isTrue();
        assertThat(new ReadAccessAugmentor(false).withReadAccess(anonymous).hasRole(Roles.READER)).isFalse();
        assertThat(new ReadAccessAugmentor(false).withReadAccess(writer).getRoles())
                .containsExactlyInAnyOrder(Roles.WRITER, Roles.READER);
    }
}
