package dev.threadlab.classroom;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read off a projector
 * or dictated is typed right. 31^8 ≈ 8.5 × 10^11 codes: not guessable by trying, unique in practice (and checked).
 */
final class JoinCodes {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;

    private final RandomGenerator random;

    JoinCodes() {
        this(new SecureRandom());
    }

    JoinCodes(RandomGenerator random) {
        this.random = random;
    }

    String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed (any case, spaces or dashes between groups) in the form it is stored. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
