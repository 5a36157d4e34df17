package dev.threadlab.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.threadlab.message.MessageBundle;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A refusal about accounts is said whole in the reader's language, the action inside it too; no server needed. */
class AccountExceptionTest {
    private static final MessageBundle CHINESE = MessageBundle.of(Locale.forLanguageTag("zh-CN"));

    @Test
    void anAnonymousVisitorIsAskedToLogInInChineseAndInTheSameEnglishAsBefore() {
        // No security identity is no account, as for an anonymous visitor.
        AccountException refused = assertThrows(AccountException.class,
                () -> new Viewer(null, null).requireAccount(AccountAction.SUBMIT_EXERCISE));
        assertEquals(AccountException.Kind.UNAUTHENTICATED, refused.kind());
        assertEquals("请登录后再提交练习。未登录的访客也可以阅读课程、运行示例。", CHINESE.format(refused.explanation()));
        assertEquals("Log in to submit an exercise. Anonymous visitors can read lessons and run examples.",
                refused.getMessage());
    }
}
