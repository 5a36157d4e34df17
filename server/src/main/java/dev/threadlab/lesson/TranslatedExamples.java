package dev.threadlab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * A translated lesson must run the same programs as the English one: the same runnable examples in the same order,
 * with the same main class, the same expected end and the same code once comments are set aside (comments may be
 * translated; string literals may not, so the output the text describes is the same).
 */
public final class TranslatedExamples {
    private TranslatedExamples() {
    }

    /** What differs, one sentence per problem naming the translation's line; empty when they match. */
    public static List<String> differences(List<LessonParser.RunnableExample> original,
            List<LessonParser.RunnableExample> translated) {
        List<String> problems = new ArrayList<>();
        if (original.size() != translated.size()) {
            problems.add("has " + translated.size() + " runnable examples, the English lesson has " + original.size());
        }
        for (int i = 0; i < Math.min(original.size(), translated.size()); i++) {
            LessonParser.RunnableExample english = original.get(i);
            LessonParser.RunnableExample other = translated.get(i);
            String where = "line " + other.line() + " (runnable example " + (i + 1) + ", English line " + english.line() + ")";
            if (!english.mainClass().equals(other.mainClass()) || !english.expected().equals(other.expected())) {
                problems.add(where + ": main class or expected end differs from the English example");
            } else if (english.jdk() != other.jdk()) {
                problems.add(where + ": runs on JDK " + other.jdk().feature() + ", the English example on "
                        + english.jdk().feature());
            } else if (!english.files().keySet().equals(other.files().keySet())) {
                problems.add(where + ": the files differ from the English example's " + english.files().keySet());
            } else if (!withoutComments(english).equals(withoutComments(other))) {
                problems.add(where + ": the code differs from the English example (only comments may be translated)");
            }
        }
        return problems;
    }

    private static List<String> withoutComments(LessonParser.RunnableExample example) {
        return example.files().values().stream().map(JavaCode::withoutComments).toList();
    }
}
