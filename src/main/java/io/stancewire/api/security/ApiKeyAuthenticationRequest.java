package io.stancewire.api.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key a caller presented in {@code X-API-Key} (or as a bearer token while OIDC is off). */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
