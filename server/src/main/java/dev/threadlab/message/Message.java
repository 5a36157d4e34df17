package dev.threadlab.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A sentence a person reads, as a key of the message bundles and its named arguments. The server sends both and the
 * page renders them in its reader's language; the English text goes along for API clients ({@link #english()}). An
 * argument may itself be a message (the run number around what went wrong in that run) or a list of them.
 */
public record Message(@JsonProperty("messageKey") String key, Map<String, Object> args) {

    @JsonCreator
    public Message(@JsonProperty("messageKey") String key, @JsonProperty("args") Map<String, Object> args) {
        this.key = Objects.requireNonNull(key, "key");
        this.args = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** The key, then the arguments as name, value, name, value… */
    public static Message of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Arguments come in name, value pairs: " + key);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Message(key, args);
    }

    public String english() {
        return MessageBundle.ENGLISH.format(this);
    }
}
