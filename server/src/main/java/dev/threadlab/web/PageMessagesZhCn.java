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

    @Override
    @Message("账户")
    String account();

    @Override
    @Message("登录")
    String logIn();

    @Override
    @Message("注册")
    String signUp();

    @Override
    @Message("退出登录")
    String logOut();

    @Override
    @Message("登录 ThreadLab")
    String logInTitle();

    @Override
    @Message("创建账户")
    String signUpTitle();

    @Override
    @Message("有了账户，你的提交在任何电脑上都能找到；之前在这个浏览器里做过的练习也会一并保留。")
    String signUpLead();

    @Override
    @Message("用户名")
    String username();

    @Override
    @Message("密码")
    String password();

    @Override
    @Message("2 到 40 个字符：字母、数字、点、短横线或下划线。")
    String usernameRule();

    @Override
    @Message("至少 {minLength} 个字符。")
    String passwordRule(int minLength);

    @Override
    @Message("还没有账户？")
    String noAccountYet();

    @Override
    @Message("已经有账户了？")
    String haveAccount();

    @Override
    @Message("用户名或密码错误。")
    String errorUnauthenticated();

    @Override
    @Message("失败次数过多，请等几分钟再试。")
    String errorThrottled();

    @Override
    @Message("请检查用户名（2 到 40 个字母、数字、点、短横线或下划线）和密码（至少 {minLength} 个字符）。")
    String errorInvalid(int minLength);

    @Override
    @Message("这个用户名已被占用，请换一个。")
    String errorTaken();

    @Override
    @Message("你的账户")
    String accountTitle();

    @Override
    @Message("角色")
    String roles();

    @Override
    @Message("学习者")
    String roleLearner();

    @Override
    @Message("教师")
    String roleInstructor();

    @Override
    @Message("管理员")
    String roleAdmin();

    @Override
    @Message("API 令牌")
    String apiTokens();

    @Override
    @Message("脚本和工具用令牌代替密码：在请求头中发送 Authorization: Bearer <令牌>。不再使用的令牌请撤销。")
    String apiTokensLead();

    @Override
    @Message("名称")
    String tokenName();

    @Override
    @Message("例如：评分脚本")
    String tokenNamePlaceholder();

    @Override
    @Message("创建时间")
    String tokenCreated();

    @Override
    @Message("最近使用")
    String tokenLastUsed();

    @Override
    @Message("从未")
    String never();

    @Override
    @Message("还没有令牌。")
    String noTokens();

    @Override
    @Message("创建令牌")
    String createToken();

    @Override
    @Message("撤销")
    String revoke();

    @Override
    @Message("这是你的新令牌。请现在复制：它只会显示这一次。")
    String newTokenHint();

    @Override
    @Message("复制")
    String copy();

    @Override
    @Message("已复制")
    String copied();

    // Classroom: the class dashboard and the submission page (dev.threadlab.web.ClassroomPages).

    @Override
    @Message("正在重新评分…")
    String clsRegrading();

    @Override
    @Message("重新评分完成，正在刷新表格…")
    String clsRegraded();

    @Override
    @Message("学生人数")
    String clsLearnersAxis();

    @Override
    @Message("得分（占满分的百分比）")
    String clsScoreAxis();

    @Override
    @Message("已显示")
    String clsShown();

    @Override
    @Message("加入码")
    String clsJoinCode();

    @Override
    @Message("{count} 名学生")
    String clsLearnerCount(int count);

    @Override
    @Message("下载成绩（CSV）")
    String clsDownloadCsv();

    @Override
    @Message("还没有学生加入。请把加入码 {code} 告诉他们。")
    String clsNoLearners(String code);

    @Override
    @Message("按学生筛选")
    String clsFilter();

    @Override
    @Message("未评分")
    String clsLegendNone();

    @Override
    @Message("部分得分")
    String clsLegendPartial();

    @Override
    @Message("满分")
    String clsLegendFull();

    @Override
    @Message("学生")
    String clsLearner();

    @Override
    @Message("最近活动")
    String clsLastActivity();

    @Override
    @Message("总分")
    String clsTotal();

    @Override
    @Message("打开 {attempts} 次提交中的最新一次")
    String clsOpenLatest(int attempts);

    @Override
    @Message("练习")
    String clsExercises();

    @Override
    @Message("{attempted} 人尝试 · {passed} 人通过")
    String clsAttemptedPassed(int attempted, int passed);

    @Override
    @Message("截止")
    String clsDue();

    @Override
    @Message("迟交按 {percent}% 计分，截至")
    String clsLateUntil(int percent);

    @Override
    @Message("没有截止日期")
    String clsNoDeadline();

    @Override
    @Message("得分分布")
    String clsHistogram();

    @Override
    @Message("重新评分")
    String clsRegrade();

    @Override
    @Message("重新评定每位学生（所有班级）在此练习上的最新提交")
    String clsRegradeTitle();

    @Override
    @Message("无法访问")
    String clsRefused();

    @Override
    @Message("学生")
    String subLearner();

    @Override
    @Message("提交时间")
    String subSubmitted();

    @Override
    @Message("结果")
    String subResult();

    @Override
    @Message("无法评分")
    String subError();

    @Override
    @Message("评分中")
    String subPending();

    @Override
    @Message("文件")
    String subFiles();

    @Override
    @Message("检查项")
    String subChecks();

    @Override
    @Message("评分运行的调度轨迹")
    String subTrace();

    @Override
    @Message("这次提交没有记录调度轨迹。")
    String subNoTrace();

    @Override
    @Message("你的得分：{points} / {maxPoints}")
    String homePoints(int points, int maxPoints);

    @Override
    @Message("已通过")
    String lessonTicked();

    @Override
    @Message("已打开")
    String lessonOpened();

    // The class list (/classes), the header's links and the admin's user list (ClassroomPages, AdminPages).

    @Override
    @Message("栏目")
    String navSections();

    @Override
    @Message("班级")
    String navClasses();

    @Override
    @Message("用户")
    String navUsers();

    @Override
    @Message("我的班级")
    String clsMyClasses();

    @Override
    @Message("你教的班级")
    String clsTeaching();

    @Override
    @Message("名称")
    String clsName();

    @Override
    @Message("你还没有教任何班级。")
    String clsNoneTaught();

    @Override
    @Message("成绩面板")
    String clsDashboard();

    @Override
    @Message("创建班级")
    String clsCreate();

    @Override
    @Message("例如：操作系统 2025 A 组")
    String clsNamePlaceholder();

    @Override
    @Message("创建班级")
    String clsCreateButton();

    @Override
    @Message("班级已创建。把加入码告诉学生：")
    String clsCreated();

    @Override
    @Message("你加入的班级")
    String clsMember();

    @Override
    @Message("你还没有加入任何班级。")
    String clsNoneJoined();

    @Override
    @Message("加入班级")
    String clsJoin();

    @Override
    @Message("加入")
    String clsJoinButton();

    @Override
    @Message("你已加入")
    String clsJoined();

    @Override
    @Message("请输入老师给你的加入码。")
    String clsErrorNoCode();

    @Override
    @Message("没有班级使用这个加入码。请向老师核对：加入码由 8 个字母和数字组成。")
    String clsErrorUnknownCode();

    @Override
    @Message("班级需要一个名称（1 到 200 个字符）。")
    String clsErrorNoName();

    @Override
    @Message("无法连接服务器。请检查网络后重试。")
    String clsErrorOffline();

    @Override
    @Message("用户")
    String admUsers();

    @Override
    @Message("所有账户及其权限。教师可以创建班级并查看班级成绩。")
    String admUsersLead();

    @Override
    @Message("设为教师")
    String admMakeInstructor();

    @Override
    @Message("只有管理员可以管理用户。")
    String adminOnly();
}
