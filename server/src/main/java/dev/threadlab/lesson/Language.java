package dev.threadlab.lesson;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the course is written in. English is the original; every other language is a translation. */
public enum Language {
    EN("en", "English"),
    ZH_CN("zh-CN", "中文");

    private final String tag;
    private final String nativeName;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    /** The BCP 47 tag, as in lang attributes, URLs and file names ("lesson.zh-CN.md"). */
    public String tag() {
        return tag;
    }

    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The file a translation lives in: lesson.md for English, lesson.zh-CN.md for Chinese. */
    public String fileName(String base, String extension) {
        return this == EN ? base + "." + extension : base + "." + tag + "." + extension;
    }

    public static Optional<Language> fromTag(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag.equalsIgnoreCase(tag)).findFirst();
    }

    /** The best language for an Accept-Language header (any Chinese reads zh-CN); English when nothing fits. */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String wanted = range.getRange();
                if (wanted.startsWith("zh")) {
                    return ZH_CN;
                }
                if (wanted.startsWith("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
        return EN;
    }

    /** The cookie that remembers the language a reader picked with {@code ?lang=}. */
    public static final String COOKIE = "threadlab_lang";

    /**
     * The reader's language, the same for pages and APIs: {@code ?lang=}, else the {@link #COOKIE}, else the
     * browser's Accept-Language.
     */
    public static Language resolve(String param, String cookie, String acceptLanguage) {
        return fromTag(param).or(() -> fromTag(cookie)).orElseGet(() -> negotiate(acceptLanguage));
    }

    public static List<Language> translations() {
        return Arrays.stream(values()).filter(language -> language != EN).toList();
    }
}
