package dev.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.threadlab.protocol.JavaRelease;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonParserTest {

    private final LessonParser parser = new LessonParser();

    @Test
    void readsFrontMatterAndRendersMarkdown() {
        Lesson lesson = parser.parse("01-intro", """
                ---
                title: "Threads: the basics"
                order: 3
                summary: What a thread is.
                ---
                ## Heading

                Some *text* and a | table |
                """);
        assertEquals("01-intro", lesson.id());
        assertEquals("Threads: the basics", lesson.title());
        assertEquals(3, lesson.order());
        assertEquals("What a thread is.", lesson.summary());
        assertTrue(lesson.html().contains("<h2>Heading</h2>"), lesson.html());
        assertTrue(lesson.html().contains("<em>text</em>"), lesson.html());
        assertFalse(lesson.html().contains("title:"), "front matter must not be rendered");
    }

    @Test
    void runnableJavaBlockBecomesARunnableSnippetWithItsMainClass() {
        Lesson lesson = parser.parse("x", """
                ---
                title: T
                order: 1
                ---
                ```java runnable main=demo.App
                class A { String s = "<b>"; }
                ```

                ```java
                class NotRunnable {}
                ```
                """);
        assertTrue(lesson.html().contains("<div class=\"runnable\" data-main=\"demo.App\" data-jdk=\"25\">"), lesson.html());
        assertTrue(lesson.html().contains("&lt;b&gt;"), "code is escaped: " + lesson.html());
        assertEquals(1, lesson.html().split("class=\"runnable\"", -1).length - 1, lesson.html());
        assertTrue(lesson.html().contains("<code class=\"language-java\">class NotRunnable"), lesson.html());
    }

    @Test
    void runnableBlockDefaultsToMain() {
        Lesson lesson = parser.parse("x", "---\ntitle: T\norder: 1\n---\n```java runnable\nclass Main {}\n```\n");
        assertTrue(lesson.html().contains("data-main=\"Main\""), lesson.html());
    }

    @Test
    void anExampleNamesItsJdkOrRunsOnTheDefault() {
        String markdown = "```java runnable jdk=21\nclass Main {}\n```\n\n```java runnable main=B\nclass B {}\n```\n";
        assertEquals(List.of(JavaRelease.JDK_21, JavaRelease.DEFAULT),
                parser.runnableExamples(markdown).stream().map(LessonParser.RunnableExample::jdk).toList());
        assertTrue(parser.parse("x", "---\ntitle: T\norder: 1\n---\n" + markdown).html()
                .contains("data-main=\"Main\" data-jdk=\"21\""));
        InvalidLessonException old = assertThrows(InvalidLessonException.class,
                () -> parser.runnableExamples("\n```java runnable jdk=17\nclass Main {}\n```\n"));
        assertEquals("line 2: jdk=17: choose one of 21, 25", old.getMessage());
    }

    @Test
    void fileBlocksAfterAnExampleBecomeMoreFilesOfIt() {
        String markdown = """
                ---
                title: T
                order: 1
                ---
                ```java runnable main=Parent
                class Parent {}
                ```
                ```java file=Worker.java
                class Worker {}
                ```

                Text between ends the example.

                ```java file=Other.java
                class Other {}
                ```
                """;
        String html = parser.parse("x", markdown).html();
        assertTrue(html.contains("<div class=\"runnable\" data-main=\"Parent\" data-jdk=\"25\"><pre data-file=\"Parent.java\">"
                + "<code class=\"language-java\">class Parent {}\n</code></pre><pre data-file=\"Worker.java\">"
                + "<code class=\"language-java\">class Worker {}\n</code></pre></div>"), html);
        assertTrue(html.contains("<pre><code class=\"language-java\">class Other {}"), "not attached after text: " + html);
        assertEquals(1, html.split("class Worker", -1).length - 1, "rendered once, inside the example: " + html);

        LessonParser.RunnableExample example = parser.runnableExamples(markdown).get(0);
        assertEquals(List.of("Parent.java", "Worker.java"), List.copyOf(example.files().keySet()));
        assertEquals("class Worker {}\n", example.files().get("Worker.java"));
    }

    @Test
    void aBadOrRepeatedFileNameNamesItsLine() {
        String twice = "```java runnable\nclass Main {}\n```\n```java file=Main.java\nclass Main {}\n```\n";
        InvalidLessonException repeated = assertThrows(InvalidLessonException.class, () -> parser.runnableExamples(twice));
        assertEquals("line 4: the example already has a file Main.java", repeated.getMessage());
        String bad = "```java runnable\nclass Main {}\n```\n```java file=../etc/passwd\nx\n```\n";
        InvalidLessonException invalid = assertThrows(InvalidLessonException.class, () -> parser.runnableExamples(bad));
        assertTrue(invalid.getMessage().startsWith("line 4: file=../etc/passwd is not a Java source file name"),
                invalid.getMessage());
    }

    @Test
    void dangerousHtmlIsRemoved() {
        Lesson lesson = parser.parse("x", """
                ---
                title: T
                order: 1
                ---
                <script>alert(1)</script>
                <a href="javascript:alert(1)" onclick="x()">link</a>
                <div class="runnable" data-main="x;alert(1)" onmouseover="y()">z</div>
                <img src="x.png" onerror="alert(1)">
                """);
        String html = lesson.html();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("onclick") || html.contains("onmouseover") || html.contains("onerror"), html);
        assertFalse(html.contains("alert(1)\""), html);
    }

    @Test
    void missingTitleOrBadOrderIsAClearError() {
        InvalidLessonException noTitle = assertThrows(InvalidLessonException.class,
                () -> parser.parse("broken", "---\norder: 1\n---\ntext\n"));
        assertTrue(noTitle.getMessage().contains("'title:'"), noTitle.getMessage());
        InvalidLessonException badOrder = assertThrows(InvalidLessonException.class,
                () -> parser.parse("broken", "---\ntitle: T\norder: first\n---\ntext\n"));
        assertTrue(badOrder.getMessage().contains("order"), badOrder.getMessage());
    }

    @Test
    void aLineBreakInsideChineseTextLeavesNoGap() {
        Lesson lesson = parser.parse("zh", """
                ---
                title: 线程
                order: 1
                ---
                每个线程都有自己的栈，
                但它们共享同一个进程的内存。
                English words
                stay apart.
                """, Language.ZH_CN);
        // The sanitiser writes the full-width comma as a character reference.
        assertTrue(lesson.html().contains("<p>每个线程都有自己的栈&#xff0c;但它们共享同一个进程的内存。English words\nstay apart.</p>"),
                lesson.html());
    }
}
