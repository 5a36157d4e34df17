package dev.threadlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageLanguageTest {

    @Test
    void aTagNamesALocaleAndNothingIsEnglish() throws Exception {
        assertEquals(Locale.SIMPLIFIED_CHINESE, MessageLanguage.locale("zh-CN"));
        assertEquals(Locale.ENGLISH, MessageLanguage.locale(""));
        assertEquals(Locale.ENGLISH, MessageLanguage.locale(null));
    }

    @Test
    void anythingElseIsAViolation() {
        for (String bad : new String[] {"zh_CN", "../../etc", "x", "en-" + "a".repeat(20), "zh-CN\0"}) {
            assertThrows(ProtocolViolation.class, () -> MessageLanguage.locale(bad), bad);
        }
    }

    @Test
    void theLongestTagFitsTheCompileFrame() {
        String longest = "abc-abcdefgh-abcdefgh";
        assertEquals(MessageLanguage.MAX_BYTES, longest.getBytes(StandardCharsets.UTF_8).length);
    }
}
