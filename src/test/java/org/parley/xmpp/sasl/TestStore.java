package org.parley.xmpp.sasl;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory credential store for tests; records which user names it was asked about. */
class TestStore implements CredentialStore {

    final Map<String, Map<ScramAlgorithm, ScramCredential>> credentials = new HashMap<>();
    final Set<String> disabled = new HashSet<>();
    final List<String> enabledQueries = new ArrayList<>();
    final List<String> lookups = new ArrayList<>();
    boolean broken;

    TestStore add(String user, String password) {
        for (ScramAlgorithm alg : ScramAlgorithm.values()) {
            credentials.computeIfAbsent(user, u -> new EnumMap<>(ScramAlgorithm.class))
                    .put(alg, ScramCredential.derive(alg, password, ScramCredential.DEFAULT_ITERATIONS));
        }
        return this;
    }

    TestStore put(String user, ScramCredential c) {
        credentials.computeIfAbsent(user, u -> new EnumMap<>(ScramAlgorithm.class)).put(c.algorithm(), c);
        return this;
    }

    @Override
    public Optional<ScramCredential> scramCredential(String username, ScramAlgorithm alg) {
        lookups.add(username);
        if (broken) {
            throw new IllegalStateException("database down");
        }
        Map<ScramAlgorithm, ScramCredential> m = credentials.get(username);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(alg));
    }

    @Override
    public boolean isEnabled(String username) {
        enabledQueries.add(username);
        if (broken) {
            throw new IllegalStateException("database down");
        }
        return credentials.containsKey(username) && !disabled.contains(username);
    }
}
