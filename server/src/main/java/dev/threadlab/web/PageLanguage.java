package dev.threadlab.web;

import dev.threadlab.lesson.Language;
import jakarta.ws.rs.core.NewCookie;

/**
 * Which language a page is shown in: {@code ?lang=} (remembered in a cookie, so the URLs stay the same), else the
 * cookie, else the browser's Accept-Language.
 */
final class PageLanguage {
    static final String COOKIE = Language.COOKIE;

    private PageLanguage() {
    }

    static Language resolve(String param, String cookie, String acceptLanguage) {
        return Language.resolve(param, cookie, acceptLanguage);
    }

    /** Set when the learner picked a language with ?lang=, so the following pages keep it. */
    static NewCookie remember(Language language) {
        return new NewCookie.Builder(COOKIE).value(language.tag()).path("/").sameSite(NewCookie.SameSite.LAX)
                .maxAge(60 * 60 * 24 * 365).build();
    }
}
