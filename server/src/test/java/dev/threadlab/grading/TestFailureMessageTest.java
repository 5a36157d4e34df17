package dev.threadlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.threadlab.message.Message;
import dev.threadlab.message.MessageBundle;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A failed hidden test's message keeps the test's words apart from JUnit's, so each can be said in Chinese. */
class TestFailureMessageTest {
    private final MessageBundle chinese = MessageBundle.of(Locale.forLanguageTag("zh-CN"));

    @Test
    void anAssertionWithAMessageKeepsItsWordsAndTheValues() {
        String junit = "deposits were lost ==> expected: <400000> but was: <371234>";
        Message failure = Grader.testFailure(junit);
        assertEquals("grading.testFailedComparing", failure.key());
        assertEquals("deposits were lost", failure.args().get("detail"));
        assertEquals(junit, failure.english(), "English readers see JUnit's text as it was");
        assertEquals("deposits were lost（应为 <400000>，实际为 <371234>）", chinese.format(failure));
    }

    @Test
    void arraysComparisonsWithoutAMessageAndAnyOtherFailure() {
        String arrays = "names ==> array contents differ at index [0], expected: <worker-1> but was: <main>";
        assertEquals(arrays, Grader.testFailure(arrays).english());
        assertEquals("names（数组在下标 [0] 处不同：应为 <worker-1>，实际为 <main>）",
                chinese.format(Grader.testFailure(arrays)));
        assertEquals("应为 <1>，实际为 <2>", chinese.format(Grader.testFailure("expected: <1> but was: <2>")));
        Message other = Grader.testFailure("the pool was never shut down");
        assertEquals("grading.testFailed", other.key());
        assertEquals("the pool was never shut down", other.english());
    }

    @Test
    void junitsTimeoutNullAndNothingThrownAreSaidInChineseToo() {
        String timedOut = "the copy never stopped ==> execution timed out after 3000 ms";
        assertEquals(timedOut, Grader.testFailure(timedOut).english());
        assertEquals("the copy never stopped（执行超时：3000 毫秒后仍未结束）", chinese.format(Grader.testFailure(timedOut)));
        assertEquals("执行超时：500 毫秒后仍未结束", chinese.format(Grader.testFailure("execution timed out after 500 ms")));
        assertEquals("应为非 null 的值", chinese.format(Grader.testFailure("expected: not <null>")));
        String notThrown = "take on an empty shelf ==> Expected java.lang.IllegalStateException to be thrown, but nothing"
                + " was thrown.";
        assertEquals(notThrown, Grader.testFailure(notThrown).english());
        assertEquals("take on an empty shelf（应当抛出 java.lang.IllegalStateException，但什么都没有抛出。）",
                chinese.format(Grader.testFailure(notThrown)));
    }

    @Test
    void lincheckResultsAndInterleavingKeepTheirStepsUnderHeadingsInChinese() {
        String lincheck = """
                Lincheck found results that no one-call-at-a-time order gives:
                Thread 1: hit(): void
                Thread 2: hit(): void
                then Thread 1: total(): 1
                The interleaving that gives them:
                Thread 2: hit()
                Thread 2:   counter.hit()""";
        Message failure = Grader.testFailure(lincheck);
        assertEquals("grading.lincheckInterleaving", failure.key());
        assertEquals(lincheck, failure.english(), "English readers see the runner's text as it was");
        assertEquals("""
                Lincheck 找到了任何“一次只执行一个调用”的顺序都给不出的结果：
                Thread 1: hit(): void
                Thread 2: hit(): void
                then Thread 1: total(): 1
                给出这些结果的交错：
                Thread 2: hit()
                Thread 2:   counter.hit()""", chinese.format(failure));
    }
}
