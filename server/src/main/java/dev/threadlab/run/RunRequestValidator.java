package dev.threadlab.run;

import dev.threadlab.message.Message;
import dev.threadlab.protocol.JavaRelease;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a run request before anything is queued, so bad input gets a precise 400 and costs no container. */
@Singleton
public class RunRequestValidator {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$.-]*(/[A-Za-z0-9_$][A-Za-z0-9_$.-]*)*");
    private static final Pattern CLASS_NAME = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private final RunConfig config;

    private static InvalidRunRequestException invalid(String key, Object... namesAndValues) {
        return new InvalidRunRequestException(Message.of(key, namesAndValues));
    }

    RunRequestValidator(RunConfig config) {
        this.config = config;
    }

    public void validate(RunRequest request) {
        if (request == null) {
            throw invalid("request.noBody");
        }
        if (request.language() == null || !request.language().equals("java")) {
            throw invalid("request.unknownLanguage", "language", String.valueOf(request.language()));
        }
        if (request.jdk() != null && JavaRelease.find(request.jdk()).isEmpty()) {
            throw invalid("request.unknownJdk", "jdk", request.jdk(), "choices", JavaRelease.choices());
        }
        Map<String, String> files = request.files();
        if (files == null || files.isEmpty()) {
            throw invalid("request.noFiles");
        }
        if (files.size() > config.maxFiles()) {
            throw invalid("request.tooManyFiles", "count", files.size(), "max", config.maxFiles());
        }
        long total = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            checkFileName(file.getKey());
            if (file.getValue() == null) {
                throw invalid("request.emptyFile", "file", file.getKey());
            }
            checkUnicode(file.getKey(), file.getValue());
            total += file.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > config.maxSourceSize().asLongValue()) {
            throw invalid("request.sourcesTooLarge", "bytes", total, "limit",
                    config.maxSourceSize().asLongValue());
        }
        if (files.keySet().stream().noneMatch(name -> name.endsWith(".java"))) {
            throw invalid("request.noJavaFile");
        }
        if (request.mainClass() == null || !CLASS_NAME.matcher(request.mainClass()).matches()) {
            throw invalid("request.badMainClass", "mainClass", String.valueOf(request.mainClass()));
        }
        if (request.stdin() != null) {
            checkUnicode(null, request.stdin());
            if (request.stdin().getBytes(StandardCharsets.UTF_8).length > config.maxStdinSize().asLongValue()) {
                throw invalid("request.stdinTooLarge", "limit", config.maxStdinSize().asLongValue());
            }
        }
    }

    private static void checkFileName(String name) {
        if (name == null || name.length() > 200 || !FILE_NAME.matcher(name).matches()
                || name.contains("..") || name.startsWith("/")) {
            throw invalid("request.badFileName", "file", String.valueOf(name));
        }
    }

    /**
     * JSON can carry lone surrogates (e.g. "\ud800"), which are not text and cannot be encoded as UTF-8. {@code file}
     * names the file the text is, or is null for stdin.
     */
    private static void checkUnicode(String file, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw file == null ? invalid("request.stdinNotUnicode", "index", i)
                        : invalid("request.fileNotUnicode", "file", file, "index", i);
            } else if (c == 0) {
                throw file == null ? invalid("request.stdinHasNul")
                        : invalid("request.fileHasNul", "file", file);
            }
        }
    }
}
