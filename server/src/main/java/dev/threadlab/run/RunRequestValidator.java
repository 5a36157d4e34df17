package dev.threadlab.run;

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

    RunRequestValidator(RunConfig config) {
        this.config = config;
    }

    public void validate(RunRequest request) {
        if (request == null) {
            throw new InvalidRunRequestException("The request body is missing; send a JSON object with language, files and mainClass.");
        }
        if (request.language() == null || !request.language().equals("java")) {
            throw new InvalidRunRequestException("Unknown language '" + request.language() + "'; only \"java\" is supported.");
        }
        Map<String, String> files = request.files();
        if (files == null || files.isEmpty()) {
            throw new InvalidRunRequestException("No files: send at least one source file in \"files\".");
        }
        if (files.size() > config.maxFiles()) {
            throw new InvalidRunRequestException("Too many files: " + files.size() + " (at most " + config.maxFiles() + ").");
        }
        long total = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            checkFileName(file.getKey());
            if (file.getValue() == null) {
                throw new InvalidRunRequestException("File '" + file.getKey() + "' has no content.");
            }
            checkUnicode("File '" + file.getKey() + "'", file.getValue());
            total += file.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > config.maxSourceSize().asLongValue()) {
            throw new InvalidRunRequestException("The sources are " + total + " bytes; the limit is "
                    + config.maxSourceSize().asLongValue() + " bytes.");
        }
        if (files.keySet().stream().noneMatch(name -> name.endsWith(".java"))) {
            throw new InvalidRunRequestException("No .java file among the files.");
        }
        if (request.mainClass() == null || !CLASS_NAME.matcher(request.mainClass()).matches()) {
            throw new InvalidRunRequestException("mainClass must be a Java class name such as \"Main\" or \"demo.Main\", not '"
                    + request.mainClass() + "'.");
        }
        if (request.stdin() != null) {
            checkUnicode("stdin", request.stdin());
            if (request.stdin().getBytes(StandardCharsets.UTF_8).length > config.maxStdinSize().asLongValue()) {
                throw new InvalidRunRequestException("stdin is larger than " + config.maxStdinSize().asLongValue() + " bytes.");
            }
        }
    }

    private static void checkFileName(String name) {
        if (name == null || name.length() > 200 || !FILE_NAME.matcher(name).matches()
                || name.contains("..") || name.startsWith("/")) {
            throw new InvalidRunRequestException("Invalid file name '" + name + "': use a relative path such as "
                    + "\"Main.java\" or \"demo/Worker.java\" (letters, digits, _ $ . -; no '..', no leading '/').");
        }
    }

    /** JSON can carry lone surrogates (e.g. "\ud800"), which are not text and cannot be encoded as UTF-8. */
    private static void checkUnicode(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidRunRequestException(what + " is not valid UTF-8 text (unpaired surrogate at index " + i + ").");
            } else if (c == 0) {
                throw new InvalidRunRequestException(what + " contains a NUL character.");
            }
        }
    }
}
