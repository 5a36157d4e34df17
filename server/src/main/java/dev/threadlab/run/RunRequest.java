package dev.threadlab.run;

import java.util.Map;

/**
 * Body of {@code POST /api/runs}. {@code stdin}, when present, is delivered and then closed. {@code trace}: record the
 * scheduling trace (default: on, see threadlab.trace.enabled-by-default).
 */
public record RunRequest(String language, Map<String, String> files, String mainClass, String stdin, Boolean trace) {
}
