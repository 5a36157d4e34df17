package dev.threadlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.lesson.Language;
import dev.threadlab.message.MessageBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's message texts in a page's language, as JSON for the page's scripts (the layout puts it in
 * {@code <script type="application/json" id="server-messages">}): check results, refusals and why a run stopped arrive
 * as keys with arguments, and {@code i18n.js} says them with these texts.
 */
@Named("serverMessages")
@ApplicationScoped
public class ServerMessages {
    private final ObjectMapper json;
    private final Map<Language, String> byLanguage = new ConcurrentHashMap<>();

    ServerMessages(ObjectMapper json) {
        this.json = json;
    }

    /** The texts for a page whose {@code lang} is this tag (English when it is unknown); safe inside a script element. */
    public String json(String tag) {
        Language language = Language.fromTag(tag == null ? "" : tag).orElse(Language.EN);
        return byLanguage.computeIfAbsent(language, this::render);
    }

    private String render(Language language) {
        try {
            // "<" as \u003c: the texts cannot end the script element, whatever a translator writes.
            return json.writeValueAsString(MessageBundle.of(language.locale()).texts()).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
