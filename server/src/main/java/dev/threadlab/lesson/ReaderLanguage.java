package dev.threadlab.lesson;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The language of whoever sent this request, the same for pages and APIs: {@code ?lang=}, else the
 * {@link Language#COOKIE}, else Accept-Language.
 */
@RequestScoped
public class ReaderLanguage {
    private final HttpServerRequest request;

    @Inject
    ReaderLanguage(HttpServerRequest request) {
        this.request = request;
    }

    public Language get() {
        Cookie cookie = request.getCookie(Language.COOKIE);
        return Language.resolve(request.getParam("lang"), cookie == null ? null : cookie.getValue(),
                request.getHeader("Accept-Language"));
    }
}
