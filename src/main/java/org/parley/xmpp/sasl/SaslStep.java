package org.parley.xmpp.sasl;

import java.util.Objects;

/** The outcome of one successful {@link SaslServerMechanism#evaluate(byte[])} call. */
public sealed interface SaslStep permits SaslStep.Challenge, SaslStep.Success {

    /** Send {@code <challenge/>} with this data and wait for the next {@code <response/>}. */
    record Challenge(byte[] data) implements SaslStep {
        public Challenge {
            data = Objects.requireNonNull(data, "data").clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /**
     * Authentication succeeded for {@code username} (as received from the client, not normalised).
     * additionalData = server-final-message for SCRAM (sent in {@code <success/>}), empty for PLAIN.
     */
    record Success(String username, byte[] additionalData) implements SaslStep {
        public Success {
            Objects.requireNonNull(username, "username");
            additionalData = Objects.requireNonNull(additionalData, "additionalData").clone();
        }

        @Override
        public byte[] additionalData() {
            return additionalData.clone();
        }
    }
}
