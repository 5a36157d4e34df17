package dev.threadlab.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flat JSON objects of strings, whole numbers and booleans: the shape of the protocol's small reports. */
final class FlatJson {
    private static final JsonFactory JSON = new JsonFactory();

    private FlatJson() {
    }

    static String write(Map<String, Object> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                Object value = field.getValue();
                if (value instanceof Boolean flag) {
                    json.writeBooleanField(field.getKey(), flag);
                } else if (value instanceof Number number) {
                    json.writeNumberField(field.getKey(), number.longValue());
                } else if (value != null) {
                    json.writeStringField(field.getKey(), value.toString());
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Map<String, Object> read(String text) throws ProtocolViolation {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new ProtocolViolation("a report that is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                fields.put(name, switch (value) {
                    case VALUE_STRING -> json.getText();
                    case VALUE_NUMBER_INT -> json.getLongValue();
                    case VALUE_TRUE, VALUE_FALSE -> json.getBooleanValue();
                    default -> throw new ProtocolViolation("a report field '" + name + "' that is not flat");
                });
            }
            if (json.nextToken() != null) {
                throw new ProtocolViolation("text after a report");
            }
        } catch (IOException e) {
            throw new ProtocolViolation("an unreadable report: " + e.getMessage());
        }
        return fields;
    }

    static String string(Map<String, Object> fields, String name) throws ProtocolViolation {
        if (!(fields.get(name) instanceof String value)) {
            throw new ProtocolViolation("a report without the text field '" + name + "'");
        }
        return value;
    }

    static long number(Map<String, Object> fields, String name) throws ProtocolViolation {
        if (!(fields.get(name) instanceof Long value)) {
            throw new ProtocolViolation("a report without the number field '" + name + "'");
        }
        return value;
    }

    static boolean flag(Map<String, Object> fields, String name) throws ProtocolViolation {
        if (!(fields.get(name) instanceof Boolean value)) {
            throw new ProtocolViolation("a report without the true/false field '" + name + "'");
        }
        return value;
    }
}
