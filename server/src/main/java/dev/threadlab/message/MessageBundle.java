package dev.threadlab.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the server's messages in one language ({@code messages/server.properties} for English,
 * {@code messages/server_zh_CN.properties} and so on, UTF-8), with {@code {name}} placeholders, the same syntax as the
 * page's own bundle in {@code i18n.js}. A key a translation lacks is said in English.
 */
public final class MessageBundle {
    public static final MessageBundle ENGLISH = new MessageBundle(load("messages/server.properties"), null);
    private static final Map<String, MessageBundle> BY_TAG = new ConcurrentHashMap<>();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Map<String, String> texts;
    private final MessageBundle fallback;

    private MessageBundle(Map<String, String> texts, MessageBundle fallback) {
        this.texts = texts;
        this.fallback = fallback;
    }

    public static MessageBundle of(Locale locale) {
        String suffix = locale.toLanguageTag().replace('-', '_');
        if (suffix.isEmpty() || suffix.equals("en") || suffix.startsWith("en_") || suffix.equals("und")) {
            return ENGLISH;
        }
        return BY_TAG.computeIfAbsent(suffix,
                tag -> new MessageBundle(load("messages/server_" + tag + ".properties"), ENGLISH));
    }

    /** The message's text, its arguments filled in; an unknown key is shown as itself. */
    public String format(Message message) {
        String template = text(message.key());
        Matcher placeholders = PLACEHOLDER.matcher(template == null ? message.key() : template);
        StringBuilder text = new StringBuilder();
        while (placeholders.find()) {
            Object value = message.args().get(placeholders.group(1));
            String filled = value == null && !message.args().containsKey(placeholders.group(1))
                    ? placeholders.group() : argument(value);
            placeholders.appendReplacement(text, Matcher.quoteReplacement(filled));
        }
        placeholders.appendTail(text);
        return text.toString();
    }

    /** Every text of this language, English where it has none: what a page in this language needs. */
    public Map<String, String> texts() {
        Map<String, String> all = new TreeMap<>(fallback == null ? Map.of() : fallback.texts);
        all.putAll(texts);
        return Collections.unmodifiableMap(all);
    }

    private String text(String key) {
        String text = texts.get(key);
        return text == null && fallback != null ? fallback.text(key) : text;
    }

    private String argument(Object value) {
        if (value instanceof Message nested) {
            return format(nested);
        }
        if (value instanceof List<?> list) {
            StringBuilder joined = new StringBuilder();
            for (Object item : list) {
                if (!joined.isEmpty()) {
                    joined.append(text("list.separator"));
                }
                joined.append(argument(item));
            }
            return joined.toString();
        }
        return String.valueOf(value);
    }

    private static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No message bundle " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return Map.copyOf(texts);
    }
}
