package dev.threadlab.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlock the launcher stopped a program for, sent as JSON in the {@link LauncherFrame#DEADLOCK} frame: who waits
 * for which lock held by whom. The server says it in the learner's language from these parts; the names come from
 * the learner's JVM, so they are text to show and nothing more.
 */
public record DeadlockCycle(List<Wait> waits) {
    private static final JsonFactory JSON = new JsonFactory();
    /** Names longer than this are cut: a thread's name is the learner's to choose. */
    static final int MAX_NAME = 200;

    /** One thread of the cycle: it waits for {@code lock}, which {@code owner} holds; it holds {@code holds}. */
    public record Wait(String thread, String lock, String owner, List<String> holds) {
        public Wait {
            thread = cut(thread);
            lock = cut(lock);
            owner = cut(owner);
            holds = holds == null ? List.of() : holds.stream().map(DeadlockCycle::cut).toList();
        }
    }

    public DeadlockCycle {
        waits = List.copyOf(waits);
    }

    /** The JSON, with as many of the waits as fit in {@code maxBytes} (at least the first). */
    public byte[] toJson(int maxBytes) {
        byte[] all = json(waits);
        if (all.length <= maxBytes) {
            return all;
        }
        int fits = Math.min(1, waits.size());
        int tooMany = waits.size();
        while (tooMany - fits > 1) {
            int count = (fits + tooMany) / 2;
            if (json(waits.subList(0, count)).length <= maxBytes) {
                fits = count;
            } else {
                tooMany = count;
            }
        }
        return json(waits.subList(0, fits));
    }

    private static byte[] json(List<Wait> waits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("waits");
            for (Wait wait : waits) {
                json.writeStartObject();
                json.writeStringField("thread", wait.thread());
                json.writeStringField("lock", wait.lock());
                json.writeStringField("owner", wait.owner());
                json.writeArrayFieldStart("holds");
                for (String held : wait.holds()) {
                    json.writeString(held);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads a cycle; anything but the fields above, in their types, is a violation. */
    public static DeadlockCycle fromJson(byte[] bytes) throws ProtocolViolation {
        try (JsonParser json = JSON.createParser(bytes)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            expect(json.nextToken(), JsonToken.FIELD_NAME);
            if (!"waits".equals(json.currentName())) {
                throw new ProtocolViolation("a deadlock with a field '" + json.currentName() + "'");
            }
            expect(json.nextToken(), JsonToken.START_ARRAY);
            List<Wait> waits = new ArrayList<>();
            for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                expect(token, JsonToken.START_OBJECT);
                waits.add(wait(json));
            }
            expect(json.nextToken(), JsonToken.END_OBJECT);
            if (waits.isEmpty()) {
                throw new ProtocolViolation("a deadlock without a waiting thread");
            }
            return new DeadlockCycle(waits);
        } catch (IOException e) {
            throw new ProtocolViolation("an unreadable deadlock: " + e.getMessage());
        }
    }

    private static Wait wait(JsonParser json) throws IOException, ProtocolViolation {
        String thread = null;
        String lock = null;
        String owner = null;
        List<String> holds = new ArrayList<>();
        for (JsonToken field = json.nextToken(); field != JsonToken.END_OBJECT; field = json.nextToken()) {
            expect(field, JsonToken.FIELD_NAME);
            String name = json.currentName();
            JsonToken value = json.nextToken();
            switch (name) {
                case "thread" -> thread = text(json, value);
                case "lock" -> lock = text(json, value);
                case "owner" -> owner = text(json, value);
                case "holds" -> {
                    expect(value, JsonToken.START_ARRAY);
                    for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
                        holds.add(text(json, item));
                    }
                }
                default -> throw new ProtocolViolation("a deadlock wait with a field '" + name + "'");
            }
        }
        if (thread == null || lock == null || owner == null) {
            throw new ProtocolViolation("a deadlock wait without its thread, lock and owner");
        }
        return new Wait(thread, lock, owner, holds);
    }

    private static String text(JsonParser json, JsonToken value) throws IOException, ProtocolViolation {
        expect(value, JsonToken.VALUE_STRING);
        return json.getText();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws ProtocolViolation {
        if (actual != expected) {
            throw new ProtocolViolation("a deadlock with " + actual + " where " + expected + " belongs");
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME - 1) + "…";
    }
}
