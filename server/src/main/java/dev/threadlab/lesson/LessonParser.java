package dev.threadlab.lesson;

import dev.threadlab.protocol.JavaRelease;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/** Turns a lesson.md (front matter + Markdown) into a {@link Lesson} with sanitised HTML. */
@Singleton
public class LessonParser {
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    private static final Pattern FILE_NAME = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*/)*[A-Za-z_$][A-Za-z0-9_$]*\\.java");

    private static final List<Extension> EXTENSIONS = List.of(YamlFrontMatterExtension.create(), TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .nodeRendererFactory(RunnableCodeRenderer::new)
            .nodeRendererFactory(CjkSoftBreakRenderer::new)
            .build();

    /** Lesson authors are trusted less than the page: raw HTML in Markdown is reduced to this safe subset. */
    private final PolicyFactory sanitizer = new HtmlPolicyBuilder()
            .allowCommonBlockElements()
            .allowCommonInlineFormattingElements()
            .allowElements("pre", "code", "kbd", "hr", "br", "blockquote", "ul", "ol", "li", "a", "img",
                    "table", "thead", "tbody", "tr", "th", "td", "div", "span")
            .allowStandardUrlProtocols()
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("align").onElements("th", "td")
            .allowAttributes("start").onElements("ol")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]+")).onElements("code")
            .allowAttributes("class").matching(Pattern.compile("runnable")).onElements("div")
            .allowAttributes("data-main").matching(CLASS_NAME).onElements("div")
            .allowAttributes("data-jdk").matching(Pattern.compile("[0-9]{2}")).onElements("div")
            .allowAttributes("data-file").matching(FILE_NAME).onElements("pre")
            .toFactory();

    public Lesson parse(String id, String markdown) {
        return parse(id, markdown, Language.EN);
    }

    public Lesson parse(String id, String markdown, Language language) {
        Node document = parser.parse(markdown);
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        Map<String, List<String>> fields = frontMatter.getData();
        String title = required(id, fields, "title");
        String summary = fields.containsKey("summary") ? unquote(fields.get("summary").get(0)) : "";
        int order;
        try {
            order = Integer.parseInt(required(id, fields, "order"));
        } catch (NumberFormatException e) {
            throw new InvalidLessonException("Lesson '" + id + "': 'order' must be a whole number.");
        }
        String html = sanitizer.sanitize(renderer.render(document));
        return new Lesson(id, title, order, summary, html, language);
    }

    /**
     * A runnable example of a lesson: its main class, its files by name (the main class's file first, then the
     * {@code file=} blocks after it), line in the file and how it is meant to end.
     */
    public record RunnableExample(String mainClass, Map<String, String> files, int line, ExpectedEnd expected,
            JavaRelease jdk) {
    }

    /** The runnable examples in file order; an unusable {@code expect=}, {@code exit=} or {@code file=} names its line. */
    public List<RunnableExample> runnableExamples(String markdown) {
        List<RunnableExample> examples = new ArrayList<>();
        Parser positioned = Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
        positioned.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                String main = RunnableCodeRenderer.runnableMainClass(block);
                if (main != null) {
                    int line = lineOf(block);
                    ExpectedEnd expected;
                    JavaRelease jdk;
                    try {
                        expected = ExpectedEnd.of(RunnableCodeRenderer.option(block, "expect"),
                                RunnableCodeRenderer.option(block, "exit"));
                        jdk = RunnableCodeRenderer.jdk(block);
                    } catch (InvalidLessonException e) {
                        throw new InvalidLessonException("line " + line + ": " + e.getMessage());
                    }
                    examples.add(new RunnableExample(main, filesOf(block, main), line, expected, jdk));
                }
            }
        });
        return examples;
    }

    private static Map<String, String> filesOf(FencedCodeBlock example, String mainClass) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RunnableCodeRenderer.mainFile(mainClass), example.getLiteral());
        for (FencedCodeBlock block : RunnableCodeRenderer.attachedFiles(example)) {
            String name = RunnableCodeRenderer.option(block, "file");
            if (!FILE_NAME.matcher(name).matches()) {
                throw new InvalidLessonException("line " + lineOf(block) + ": file=" + name
                        + " is not a Java source file name such as Worker.java or pkg/Worker.java");
            }
            if (files.putIfAbsent(name, block.getLiteral()) != null) {
                throw new InvalidLessonException("line " + lineOf(block) + ": the example already has a file " + name);
            }
        }
        return files;
    }

    private static int lineOf(FencedCodeBlock block) {
        return block.getSourceSpans().isEmpty() ? 0 : block.getSourceSpans().get(0).getLineIndex() + 1;
    }

    /** Markdown that is not a whole lesson (an exercise's task), rendered and sanitised like a lesson body. */
    public String renderMarkdown(String markdown) {
        return sanitizer.sanitize(renderer.render(parser.parse(markdown)));
    }

    private static String required(String id, Map<String, List<String>> fields, String key) {
        List<String> values = fields.get(key);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            throw new InvalidLessonException("Lesson '" + id + "': the front matter needs '" + key + ":'.");
        }
        return unquote(values.get(0).trim());
    }

    private static String unquote(String value) {
        String v = value.trim();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
