package dev.threadlab.web;

import dev.threadlab.lesson.Language;
import jakarta.ws.rs.core.NewCookie;

/**
 * The cookie that remembers a language picked with {@code ?lang=}, so that the URLs stay the same; which language a
 * page is in is {@link dev.threadlab.lesson.ReaderLanguage}'s to say.
 */
final class PageLanguage {
    static final String COOKIE = Language.COOKIE;

    private PageLanguage() {
    }


    /** Set when the learner picked a language with ?lang=, so the following pages keep it. */
    static NewCookie remember(Language language) {
        return new NewCookie.Builder(COOKIE).value(language.tag()).path("/").sameSite(NewCookie.SameSite.LAX)
                .maxAge(60 * 60 * 24 * 365).build();
    }
}
