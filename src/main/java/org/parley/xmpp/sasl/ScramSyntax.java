package org.parley.xmpp.sasl;

import java.util.Base64;

/** Syntax checks for SCRAM messages (RFC 5802 §7); violations are malformed-request. */
final class ScramSyntax {

    private ScramSyntax() {
    }

    /** saslname: '=' only as "=2C" (',') or "=3D" ('='); no NUL. */
    static String decodeSaslname(String s) throws SaslFailure {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                throw SaslSupport.malformed("Malformed name");
            }
            if (c == '=') {
                if (s.startsWith("2C", i + 1)) {
                    sb.append(',');
                } else if (s.startsWith("3D", i + 1)) {
                    sb.append('=');
                } else {
                    throw SaslSupport.malformed("Malformed name encoding");
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** printable = %x21-2B / %x2D-7E, at least one. */
    static boolean isPrintable(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return true;
    }

    /** cb-name = 1*(ALPHA / DIGIT / "." / "-"). */
    static boolean isCbName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAlpha(c) || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** attr-val = ALPHA "=" value; value = 1*value-char (no NUL, no ','). Unknown extensions are ignored. */
    static void checkExtension(String attrVal) throws SaslFailure {
        if (attrVal.length() < 3 || !isAlpha(attrVal.charAt(0)) || attrVal.charAt(1) != '='
                || attrVal.indexOf('\0') >= 0) {
            throw SaslSupport.malformed("Malformed attribute");
        }
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Base64 that must be canonical (padding present, no stray bits, no whitespace). */
    static byte[] strictBase64(String s) throws SaslFailure {
        byte[] out;
        try {
            out = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw SaslSupport.malformed("Malformed base64");
        }
        if (!Base64.getEncoder().encodeToString(out).equals(s)) {
            throw SaslSupport.malformed("Malformed base64");
        }
        return out;
    }
}
