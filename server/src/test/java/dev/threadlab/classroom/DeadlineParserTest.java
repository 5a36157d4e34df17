package dev.threadlab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.threadlab.account.AccountException;
import dev.threadlab.message.MessageBundle;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A due date the server cannot read is refused with an example, in English and in Chinese; no server needed. */
class DeadlineParserTest {
    private static final MessageBundle CHINESE = MessageBundle.of(Locale.forLanguageTag("zh-CN"));

    @Test
    void anUnreadableDateIsRefusedWithAnExampleInTheReadersLanguage() {
        AccountException refused = assertThrows(AccountException.class,
                () -> DeadlineParser.parse(new ClassViews.DeadlineRequest("next Friday", null, null)));
        assertEquals(400, refused.kind().status());
        assertEquals("dueAt 'next Friday' is not an ISO-8601 date and time with its zone, e.g. "
                + "2025-03-01T23:59:00+08:00 or 2025-03-01T15:59:00Z.", refused.getMessage());
        assertEquals("dueAt 的值“next Friday”不是带时区的 ISO-8601 日期时间，例如 2025-03-01T23:59:00+08:00 或 "
                + "2025-03-01T15:59:00Z。", CHINESE.format(refused.explanation()));
    }

    @Test
    void aLateWindowEndingBeforeTheDueDateSaysBothDates() {
        AccountException refused = assertThrows(AccountException.class, () -> DeadlineParser.parse(
                new ClassViews.DeadlineRequest("2025-03-01T23:59:00+08:00", "2025-03-01T00:00:00Z", 50)));
        assertEquals("lateUntil (2025-03-01T00:00:00Z) is before dueAt (2025-03-01T15:59:00Z): late submissions are "
                + "accepted after the due date, so lateUntil must be the same or later.", refused.getMessage());
    }
}
