package dev.threadlab.lesson;

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
 * {@code main=ClassName}, and {@code expect=STATUS} / {@code exit=N} for how it is meant to end, see
 * {@link ExpectedEnd}) becomes a {@code <div class="runnable">} that the page turns into an editor with Run.
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

    /** The value of a {@code key=value} word of the block's info string, or null. */
    static String option(FencedCodeBlock block, String key) {
        return info(block).stream().filter(word -> word.startsWith(key + "="))
                .map(word -> word.substring(key.length() + 1)).findFirst().orElse(null);
    }

    private static List<String> info(FencedCodeBlock block) {
        return block.getInfo() == null ? List.of() : Arrays.asList(block.getInfo().trim().split("\\s+"));
    }

    @Override
    public void render(Node node) {
        FencedCodeBlock block = (FencedCodeBlock) node;
        List<String> info = info(block);
        String language = info.isEmpty() ? "" : info.get(0);
        boolean runnable = runnableMainClass(block) != null;
        html.line();
        if (runnable) {
            Map<String, String> attributes = new LinkedHashMap<>(); // fixed order: stable HTML
            attributes.put("class", "runnable");
            attributes.put("data-main", mainClass(info));
            html.tag("div", attributes);
        }
        html.tag("pre");
        Map<String, String> codeAttributes = new LinkedHashMap<>();
        if (!language.isEmpty()) {
            codeAttributes.put("class", "language-" + language);
        }
        html.tag("code", codeAttributes);
        html.text(block.getLiteral());
        html.tag("/code");
        html.tag("/pre");
        if (runnable) {
            html.tag("/div");
        }
        html.line();
    }

    private static String mainClass(List<String> info) {
        return info.stream()
                .filter(word -> word.startsWith("main="))
                .map(word -> word.substring("main=".length()))
                .findFirst()
                .orElse(DEFAULT_MAIN);
    }
}
