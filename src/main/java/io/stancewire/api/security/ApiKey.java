package io.stancewire.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One configured API key: a name (the principal, shown in logs instead of the key), its roles, and the SHA-256 of
 * the key (the key itself is not kept).
 */
public record ApiKey(String name, Set<String> roles, byte[] digest) {

    /** Keys shorter than this are refused at start-up: they can be guessed. */
    public static final int MIN_KEY_LENGTH = 16;

    public ApiKey {
        roles = Set.copyOf(roles);
        digest = digest.clone();
    }

    /**
     * Parses {@code name:role[+role...]:key}.
     *
     * @throws IllegalArgumentException naming the entry (never its key) when it is malformed
     */
    public static ApiKey parse(String entry) {
        String[] parts = entry.trim().split(":", 3);
        String name = parts[0].isBlank() ? "(unnamed)" : parts[0].trim();
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("the API key entry '" + name + "' is not 'name:role[+role...]:key'");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : parts[1].split("\\+")) {
            String trimmed = role.trim();
            if (!Roles.ALL.contains(trimmed)) {
                throw new IllegalArgumentException("the API key '" + name + "' has the unknown role '" + trimmed
                        + "' (known: reader, writer, admin)");
            }
            roles.add(trimmed);
        }
        String key = parts[2].trim();
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the API key '" + name + "' is shorter than " + MIN_KEY_LENGTH
                    + " characters");
        }
        return new ApiKey(name, roles, sha256(key));
    }

    /** Compares in constant time. */
    public boolean matches(byte[] presentedDigest) {
        return MessageDigest.isEqual(digest, presentedDigest);
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && name.equals(key.name) && roles.equals(key.roles)
                && Arrays.equals(digest, key.digest);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + roles.hashCode()) + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "ApiKey[name=" + name + ", roles=" + roles + "]";
    }
}
