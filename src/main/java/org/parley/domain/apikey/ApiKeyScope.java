package org.parley.domain.apikey;

import java.util.Locale;
import java.util.Optional;

/** What a REST API key may do: read-only keys only GET/HEAD, admin keys everything an administrator may. */
public enum ApiKeyScope {
    READ_ONLY("read-only"),
    ADMIN("admin");

    private final String label;

    ApiKeyScope(String label) {
        this.label = label;
    }

    /** The name used in JSON and forms: read-only or admin. */
    public String label() {
        return label;
    }

    public boolean allows(String httpMethod) {
        return this == ADMIN || "GET".equalsIgnoreCase(httpMethod) || "HEAD".equalsIgnoreCase(httpMethod);
    }

    /** Accepts read-only / admin (also READ_ONLY, any case); empty for anything else. */
    public static Optional<ApiKeyScope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ApiKeyScope s : values()) {
            if (s.label.equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
