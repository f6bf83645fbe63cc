package org.parley.xmpp.sasl;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013), the stringprep profile (RFC 3454) for user names and passwords.
 *
 * <p>Implemented: mapping of non-ASCII spaces (C.1.2) to SPACE and of the "commonly mapped to nothing"
 * characters (B.1) to nothing, NFKC normalisation, the prohibited output of RFC 4013 §2.3 (C.1.2, C.2.1, C.2.2,
 * C.3, C.4, C.5, C.6, C.7, C.8, C.9), the bidi rules of RFC 3454 §6, and, for stored strings, rejection of
 * unassigned code points. Deviation: normalisation and "unassigned" use the JDK's Unicode version rather than
 * Unicode 3.2, which is what every practical implementation does.
 */
final class SaslPrep {

    private SaslPrep() {
    }

    /**
     * Prepares {@code s}.
     *
     * @param storedString true for strings that will be stored (no unassigned code points allowed), false for
     *                     queries
     * @throws IllegalArgumentException if the string contains prohibited output or violates the bidi rules
     */
    static String prepare(String s, boolean storedString) {
        // 1. map
        StringBuilder mapped = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isMappedToNothing(cp)) {
                continue;
            }
            if (isNonAsciiSpace(cp)) {
                mapped.append(' ');
            } else {
                mapped.appendCodePoint(cp);
            }
        }
        // 2. normalise (an unpaired surrogate survives NFKC and is caught below)
        String norm = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        // 3. prohibit, 4. bidi
        boolean hasRandAL = false;
        boolean hasL = false;
        for (int i = 0; i < norm.length(); ) {
            int cp = norm.codePointAt(i);
            i += Character.charCount(cp);
            if (isProhibited(cp)) {
                throw new IllegalArgumentException(String.format("prohibited character U+%04X", cp));
            }
            if (storedString && Character.getType(cp) == Character.UNASSIGNED) {
                throw new IllegalArgumentException(String.format("unassigned code point U+%04X", cp));
            }
            byte dir = Character.getDirectionality(cp);
            if (dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                hasRandAL = true;
            } else if (dir == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                hasL = true;
            }
        }
        if (hasRandAL) {
            if (hasL) {
                throw new IllegalArgumentException("mixes right-to-left and left-to-right characters");
            }
            if (!isRandAL(norm.codePointAt(0)) || !isRandAL(norm.codePointBefore(norm.length()))) {
                throw new IllegalArgumentException("right-to-left string must start and end with an RTL character");
            }
        }
        return norm;
    }

    private static boolean isRandAL(int cp) {
        byte dir = Character.getDirectionality(cp);
        return dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /** RFC 3454 table B.1. */
    static boolean isMappedToNothing(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
                || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFEFF;
    }

    /** RFC 3454 table C.1.2. */
    static boolean isNonAsciiSpace(int cp) {
        return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    /** RFC 4013 §2.3 prohibited output. */
    static boolean isProhibited(int cp) {
        return isNonAsciiSpace(cp)
                // C.2.1 ASCII control
                || cp <= 0x1F || cp == 0x7F
                // C.2.2 non-ASCII control
                || (cp >= 0x80 && cp <= 0x9F) || cp == 0x06DD || cp == 0x070F || cp == 0x180E
                || cp == 0x200C || cp == 0x200D || cp == 0x2028 || cp == 0x2029
                || (cp >= 0x2060 && cp <= 0x2063) || (cp >= 0x206A && cp <= 0x206F) || cp == 0xFEFF
                || (cp >= 0xFFF9 && cp <= 0xFFFC) || (cp >= 0x1D173 && cp <= 0x1D17A)
                // C.3 private use
                || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0xFFFFD)
                || (cp >= 0x100000 && cp <= 0x10FFFD)
                // C.4 non-character code points
                || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE
                // C.5 surrogate codes
                || (cp >= 0xD800 && cp <= 0xDFFF)
                // C.6 inappropriate for plain text
                || (cp >= 0xFFF9 && cp <= 0xFFFD)
                // C.7 inappropriate for canonical representation
                || (cp >= 0x2FF0 && cp <= 0x2FFB)
                // C.8 change display properties or deprecated
                || cp == 0x0340 || cp == 0x0341 || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                // C.9 tagging characters
                || cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}
