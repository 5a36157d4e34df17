package dev.threadlab.web;

import dev.threadlab.account.Account;
import dev.threadlab.account.Viewer;
import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.ReaderLanguage;
import dev.threadlab.message.Message;
import dev.threadlab.message.MessageBundle;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What every HTML page takes from its request and hands to the layout: the language (?lang=, remembered), the
 * learner's theme, who is logged in, and where the header's "Log in" should come back to. One place, so that a new
 * page cannot forget part of the header.
 */
@RequestScoped
class PageContext {
    private final HttpServerRequest request;
    private final Viewer viewer;
    private final ReaderLanguage readerLanguage;

    @Inject
    PageContext(HttpServerRequest request, Viewer viewer, ReaderLanguage readerLanguage) {
        this.request = request;
        this.viewer = viewer;
        this.readerLanguage = readerLanguage;
    }

    Language language() {
        return readerLanguage.get();
    }

    Optional<Account> account() {
        return viewer.account();
    }

    /** The chrome's words in the page's language, for text a resource puts together in Java. */
    PageMessages messages() {
        return MessageBundles.get(PageMessages.class, Localized.Literal.of(language().tag()));
    }

    /** A sentence of the server's (a refusal) in the page's language, for a page that shows it as text. */
    String say(Message message) {
        return MessageBundle.of(language().locale()).format(message);
    }

    /** Sends an anonymous visitor to log in, and back to {@code back} (a local path) afterwards. */
    static Response logInFirst(String back) {
        return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8))).build();
    }

    /** The page, with the header's log-in links coming back to this very page. */
    Response render(Response.ResponseBuilder response, TemplateInstance page) {
        return render(response, page, request.path());
    }

    /**
     * The page in its language (html lang, the chrome's messages, the ?lang= choice remembered), in the learner's
     * theme, with the account (or null) for the header. {@code returnTo} is a local path, passed URL-encoded so the
     * template can put it in a query string as it is.
     */
    Response render(Response.ResponseBuilder response, TemplateInstance page, String returnTo) {
        Language language = language();
        page.setLocale(language.locale());
        page.data("lang", language.tag());
        page.data("theme", PageTheme.resolve(cookie(PageTheme.COOKIE)));
        page.data("account", viewer.account().orElse(null));
        page.data("returnTo", URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        if (Language.fromTag(requestedLanguage()).isPresent()) {
            response.cookie(PageLanguage.remember(language));
        }
        return response.entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private String requestedLanguage() {
        return request.getParam("lang");
    }

    private String cookie(String name) {
        Cookie cookie = request.getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }
}
