package io.stancewire.api.security;

import java.util.Set;

/** The roles an API key or an OIDC token can carry. */
public final class Roles {

    /** Reads: every {@code GET} under /api/v1 and {@code POST /analyze} (open to all unless reads are closed). */
    public static final String READER = "reader";
    /** Writes: {@code POST /api/v1/articles}. */
    public static final String WRITER = "writer";
    /** Administration: {@code POST /api/v1/admin/...}. */
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(READER, WRITER, ADMIN);

    private Roles() {
    }
}
