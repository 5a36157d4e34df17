package dev.threadlab.web;

import java.util.Locale;

/**
 * Why the log-in or sign-up form came back (its {@code ?error=}). Only these kinds are shown, each as the page's own
 * localized sentence: text from the URL never reaches the page, so a crafted link cannot put words on it.
 */
public enum LoginError {
    UNAUTHENTICATED, THROTTLED, INVALID, TAKEN;

    /** The kind named by the query, or null for none or an unknown one. */
    static LoginError parse(String kind) {
        for (LoginError error : values()) {
            if (error.name().toLowerCase(Locale.ROOT).equals(kind)) {
                return error;
            }
        }
        return null;
    }
}
