package dev.threadlab.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

@Localized("zh-CN")
public interface PageMessagesZhCn extends PageMessages {

    @Override
    @Message("用真实的程序学习进程与线程")
    String tagline();

    @Override
    @Message("课程")
    String course();

    @Override
    @Message("课程目录")
    String lessons();

    @Override
    @Message("练习")
    String exercise();

    @Override
    @Message("{points} 分")
    String points(int points);

    @Override
    @Message("找不到页面")
    String notFound();

    @Override
    @Message("没有{what}。")
    String noSuch(String what);

    @Override
    @Message("返回课程")
    String backToCourse();

    @Override
    @Message("语言")
    String language();

    @Override
    @Message("Java 多进程与多线程")
    String homeTitle();

    @Override
    @Message("阅读课程，修改其中的程序，点击“运行”，看它们在真实的沙箱里运行。")
    String homeLead();

    @Override
    @Message("还没有课程：请添加 lessons/<id>/lesson.md。")
    String noLessons();

    @Override
    @Message("深色模式")
    String darkMode();

    @Override
    @Message("设置")
    String settings();
}
