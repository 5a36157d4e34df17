package dev.threadlab.lesson;

import dev.threadlab.protocol.JavaRelease;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders fenced code blocks. A block whose info string is {@code java runnable} (optionally with
 * {@code main=ClassName}, {@code jdk=21} for the JDK it runs on when not the default, and {@code expect=STATUS} /
 * {@code exit=N} for how it is meant to end, see {@link ExpectedEnd}) becomes a {@code <div class="runnable">} that
 * the page turns into an editor with Run.
 */
final class RunnableCodeRenderer implements NodeRenderer {
    static final String DEFAULT_MAIN = "Main";

    private final HtmlWriter html;

    RunnableCodeRenderer(HtmlNodeRendererContext context) {
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class);
    }

    /** The block's main class when it is a runnable Java example, else null. */
    static String runnableMainClass(FencedCodeBlock block) {
        List<String> info = info(block);
        return !info.isEmpty() && info.get(0).equals("java") && info.contains("runnable") ? mainClass(info) : null;
    }

    /** The JDK a runnable example names with {@code jdk=}, or the default; one not offered is the lesson's error. */
    static JavaRelease jdk(FencedCodeBlock block) {
        String feature = option(block, "jdk");
        if (feature == null) {
            return JavaRelease.DEFAULT;
        }
        try {
            return JavaRelease.of(Integer.parseInt(feature));
        } catch (IllegalArgumentException notOffered) {
            throw new InvalidLessonException("jdk=" + feature + ": choose one of " + JavaRelease.choices());
        }
    }

    /** The value of a {@code key=value} word of the block's info string, or null. */
    static String option(FencedCodeBlock block, String key) {
        return info(block).stream().filter(word -> word.startsWith(key + "="))
                .map(word -> word.substring(key.length() + 1)).findFirst().orElse(null);
    }

    private static List<String> info(FencedCodeBlock block) {
        return block.getInfo() == null ? List.of() : Arrays.asList(block.getInfo().trim().split("\\s+"));
    }

    /**
     * The blocks right after a runnable example that carry {@code file=Name.java} and are not runnable themselves:
     * more files of the same program (e.g. a parent and the child it starts), shown as editor tabs.
     */
    static List<FencedCodeBlock> attachedFiles(FencedCodeBlock runnable) {
        List<FencedCodeBlock> files = new ArrayList<>();
        for (Node next = runnable.getNext(); isFileBlock(next); next = next.getNext()) {
            files.add((FencedCodeBlock) next);
        }
        return files;
    }

    private static boolean isFileBlock(Node node) {
        return node instanceof FencedCodeBlock block && runnableMainClass(block) == null && option(block, "file") != null;
    }

    /** Whether the block is one of {@link #attachedFiles} of an example before it (rendered with that example). */
    static boolean isAttached(FencedCodeBlock block) {
        if (!isFileBlock(block)) {
            return false;
        }
        Node previous = block.getPrevious();
        while (isFileBlock(previous)) {
            previous = previous.getPrevious();
        }
        return previous instanceof FencedCodeBlock example && runnableMainClass(example) != null;
    }

    /** The file a runnable example's main class lives in. */
    static String mainFile(String mainClass) {
        return mainClass.replace('.', '/') + ".java";
    }

    @Override
    public void render(Node node) {
        FencedCodeBlock block = (FencedCodeBlock) node;
        if (isAttached(block)) {
            return; // already rendered inside its example
        }
        String main = runnableMainClass(block);
        html.line();
        if (main == null) {
            renderCode(block, null);
        } else {
            Map<String, String> attributes = new LinkedHashMap<>(); // fixed order: stable HTML
            attributes.put("class", "runnable");
            attributes.put("data-main", main);
            attributes.put("data-jdk", Integer.toString(jdk(block).feature()));
            html.tag("div", attributes);
            renderCode(block, mainFile(main));
            for (FencedCodeBlock file : attachedFiles(block)) {
                renderCode(file, option(file, "file"));
            }
            html.tag("/div");
        }
        html.line();
    }

    private void renderCode(FencedCodeBlock block, String fileName) {
        List<String> info = info(block);
        String language = info.isEmpty() ? "" : info.get(0);
        html.tag("pre", fileName == null ? Map.of() : Map.of("data-file", fileName));
        Map<String, String> codeAttributes = new LinkedHashMap<>();
        if (!language.isEmpty()) {
            codeAttributes.put("class", "language-" + language);
        }
        html.tag("code", codeAttributes);
        html.text(block.getLiteral());
        html.tag("/code");
        html.tag("/pre");
    }

    private static String mainClass(List<String> info) {
        return info.stream()
                .filter(word -> word.startsWith("main="))
                .map(word -> word.substring("main=".length()))
                .findFirst()
                .orElse(DEFAULT_MAIN);
    }
}
