package dev.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class JavaCodeTest {

    @Test
    void commentsAndLayoutDoNotCount() {
        String english = """
                public class Main {
                    // start two workers
                    public static void main(String[] args) { /* see the trace */
                        System.out.println("a // b");
                    }
                }
                """;
        String chinese = """
                public class Main {
                    // 启动两个工作线程
                    public static void main(String[] args) {   /* 看调度轨迹 */
                        System.out.println("a // b");
                    }
                }
                """;
        assertEquals(JavaCode.withoutComments(english), JavaCode.withoutComments(chinese));
    }

    @Test
    void literalsCountExactlyEvenWhenTheyLookLikeComments() {
        assertNotEquals(JavaCode.withoutComments("String s = \"/* x */\";"), JavaCode.withoutComments("String s = \"\";"));
        assertNotEquals(JavaCode.withoutComments("print(\"two  spaces\");"), JavaCode.withoutComments("print(\"two spaces\");"));
        assertNotEquals(JavaCode.withoutComments("char c = '/'; int a = 1;"), JavaCode.withoutComments("char c = '/'; int a = 2;"));
        assertEquals("String t = \"\"\"\n  // kept\n  \"\"\";", JavaCode.withoutComments("String t = \"\"\"\n  // kept\n  \"\"\"; // gone"));
        assertEquals("String s = \"a\\\"b\"; int x;", JavaCode.withoutComments("String s = \"a\\\"b\"; // c\nint x;"));
    }
}
