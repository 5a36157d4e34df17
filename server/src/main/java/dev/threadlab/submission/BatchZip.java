package dev.threadlab.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a batch zip: one folder per learner, each holding that learner's .java files. A single top folder around
 * them all (as "Compress folder" makes) is looked through. Limits keep a hostile zip (a bomb, thousands of entries,
 * paths with "..") from costing more than reading it.
 */
final class BatchZip {
    static final int MAX_FOLDERS = 500;
    static final int MAX_ENTRIES = 5000;
    static final long MAX_UNPACKED = 32L * 1024 * 1024;
    static final int MAX_FILE = 256 * 1024;

    private BatchZip() {
    }

    /** Folder → file name → source, in folder order. */
    static Map<String, Map<String, String>> read(byte[] zip) {
        Map<String, Map<String, String>> raw = new TreeMap<>();
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw invalid("The zip has more than " + MAX_ENTRIES + " entries.");
                }
                if (entry.isDirectory() || !entry.getName().endsWith(".java") || entry.getName().contains("__MACOSX")) {
                    continue;
                }
                String[] parts = pathParts(entry.getName());
                byte[] bytes = in.readNBytes(MAX_FILE + 1);
                if (bytes.length > MAX_FILE) {
                    throw invalid(entry.getName() + " is larger than " + MAX_FILE / 1024 + " KB.");
                }
                unpacked += bytes.length;
                if (unpacked > MAX_UNPACKED) {
                    throw invalid("The zip unpacks to more than " + MAX_UNPACKED / (1024 * 1024) + " MB.");
                }
                raw.computeIfAbsent(String.join("/", java.util.Arrays.copyOf(parts, parts.length - 1)),
                        k -> new TreeMap<>()).put(parts[parts.length - 1], new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw invalid("The body is not a readable zip: " + e.getMessage());
        }
        return byLearner(raw);
    }

    private static String[] pathParts(String name) {
        String[] parts = name.replace('\\', '/').split("/");
        for (String part : parts) {
            if (part.isEmpty() || part.equals("..") || part.equals(".")) {
                throw invalid("The zip entry '" + name + "' is not a plain relative path.");
            }
        }
        if (parts.length < 2) {
            throw invalid("Put each learner's files in a folder of their own: '" + name + "' is at the top.");
        }
        return parts;
    }

    /** Keys are paths of the folders that hold files; one shared top folder is dropped, deeper nesting refused. */
    private static Map<String, Map<String, String>> byLearner(Map<String, Map<String, String>> raw) {
        boolean oneTop = raw.keySet().stream().allMatch(k -> k.contains("/"))
                && raw.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().count() == 1;
        Map<String, Map<String, String>> folders = new TreeMap<>();
        raw.forEach((path, files) -> {
            String folder = oneTop ? path.substring(path.indexOf('/') + 1) : path;
            if (folder.contains("/")) {
                throw invalid("Put each learner's files directly in their folder: '" + path + "' is nested.");
            }
            if (folder.length() > 200) {
                throw invalid("A learner's folder name has at most 200 characters.");
            }
            folders.put(folder, files);
        });
        if (folders.isEmpty()) {
            throw invalid("The zip holds no .java files in learner folders.");
        }
        if (folders.size() > MAX_FOLDERS) {
            throw invalid("A batch holds at most " + MAX_FOLDERS + " learners.");
        }
        return folders;
    }

    private static jakarta.ws.rs.BadRequestException invalid(String message) {
        return new jakarta.ws.rs.BadRequestException(message);
    }
}
