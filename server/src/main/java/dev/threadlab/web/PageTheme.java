package dev.threadlab.web;

/**
 * The learner's light/dark choice, which the page's script keeps in a cookie so the server can render it before the
 * first paint. No cookie (or an unknown value): the page follows the system's setting.
 */
final class PageTheme {
    static final String COOKIE = "threadlab_theme";

    private PageTheme() {
    }

    /** "light", "dark", or null for the system's setting. */
    static String resolve(String cookie) {
        return "light".equals(cookie) || "dark".equals(cookie) ? cookie : null;
    }
}
