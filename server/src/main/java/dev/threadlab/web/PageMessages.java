package dev.threadlab.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the page chrome (lessons bring their own text); used as {msg:...} in the templates. */
@MessageBundle(value = "msg", locale = "en")
public interface PageMessages {

    @Message("Processes and threads, with real programs")
    String tagline();

    @Message("Course")
    String course();

    @Message("Lessons")
    String lessons();

    @Message("Exercise")
    String exercise();

    @Message("{points} points")
    String points(int points);

    @Message("Not found")
    String notFound();

    @Message("There is no {what}.")
    String noSuch(String what);

    @Message("Back to the course")
    String backToCourse();

    @Message("Language")
    String language();

    @Message("Multiprocessing and multithreading in Java")
    String homeTitle();

    @Message("Read a lesson, edit its programs, press Run, and watch them run in a real sandbox.")
    String homeLead();

    @Message("No lessons yet: add lessons/<id>/lesson.md.")
    String noLessons();

    @Message("Dark mode")
    String darkMode();

    @Message("Settings")
    String settings();

    @Message("Account")
    String account();

    @Message("Log in")
    String logIn();

    @Message("Sign up")
    String signUp();

    @Message("Log out")
    String logOut();

    @Message("Log in to ThreadLab")
    String logInTitle();

    @Message("Create an account")
    String signUpTitle();

    @Message("An account keeps your submissions on any computer; what you did in this browser before comes along.")
    String signUpLead();

    @Message("Username")
    String username();

    @Message("Password")
    String password();

    @Message("2 to 40 letters, digits, dots, dashes or underscores.")
    String usernameRule();

    @Message("At least {minLength} characters.")
    String passwordRule(int minLength);

    @Message("No account yet?")
    String noAccountYet();

    @Message("Already have an account?")
    String haveAccount();

    @Message("Wrong username or password.")
    String errorUnauthenticated();

    @Message("Too many failed attempts. Wait a few minutes, then try again.")
    String errorThrottled();

    @Message("Check the username (2 to 40 letters, digits, dots, dashes or underscores) and the password (at least {minLength} characters).")
    String errorInvalid(int minLength);

    @Message("That username is taken: choose another one.")
    String errorTaken();

    @Message("Your account")
    String accountTitle();

    @Message("Roles")
    String roles();

    @Message("learner")
    String roleLearner();

    @Message("instructor")
    String roleInstructor();

    @Message("admin")
    String roleAdmin();

    @Message("API tokens")
    String apiTokens();

    @Message("Scripts and tools use a token instead of your password: send it as the header Authorization: Bearer <token>. Revoke a token you no longer use.")
    String apiTokensLead();

    @Message("Name")
    String tokenName();

    @Message("e.g. grading script")
    String tokenNamePlaceholder();

    @Message("Created")
    String tokenCreated();

    @Message("Last used")
    String tokenLastUsed();

    @Message("never")
    String never();

    @Message("No tokens yet.")
    String noTokens();

    @Message("Create token")
    String createToken();

    @Message("Revoke")
    String revoke();

    @Message("Your new token. Copy it now: it is shown only this once.")
    String newTokenHint();

    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();

    // Classroom: the class dashboard and the submission page (dev.threadlab.web.ClassroomPages).

    @Message("Regrading…")
    String clsRegrading();

    @Message("Regraded. Reloading the grid…")
    String clsRegraded();

    @Message("Learners")
    String clsLearnersAxis();

    @Message("Score (% of full marks)")
    String clsScoreAxis();

    @Message("shown")
    String clsShown();

    @Message("Join code")
    String clsJoinCode();

    @Message("{count} learners")
    String clsLearnerCount(int count);

    @Message("Download grades (CSV)")
    String clsDownloadCsv();

    @Message("No learners have joined yet. Give them the join code {code}.")
    String clsNoLearners(String code);

    @Message("Filter by learner")
    String clsFilter();

    @Message("nothing graded")
    String clsLegendNone();

    @Message("partial score")
    String clsLegendPartial();

    @Message("full marks")
    String clsLegendFull();

    @Message("Learner")
    String clsLearner();

    @Message("Last activity")
    String clsLastActivity();

    @Message("Total")
    String clsTotal();

    @Message("Open the latest of {attempts} submissions")
    String clsOpenLatest(int attempts);

    @Message("Exercises")
    String clsExercises();

    @Message("{attempted} attempted · {passed} passed")
    String clsAttemptedPassed(int attempted, int passed);

    @Message("Due")
    String clsDue();

    @Message("late submissions count {percent} % until")
    String clsLateUntil(int percent);

    @Message("No due date")
    String clsNoDeadline();

    @Message("Score distribution")
    String clsHistogram();

    @Message("Regrade")
    String clsRegrade();

    @Message("Grade every learner's latest submission to this exercise again (in every class)")
    String clsRegradeTitle();

    @Message("Not available")
    String clsRefused();

    @Message("Learner")
    String subLearner();

    @Message("Submitted")
    String subSubmitted();

    @Message("Result")
    String subResult();

    @Message("could not be graded")
    String subError();

    @Message("being graded")
    String subPending();

    @Message("Files")
    String subFiles();

    @Message("Checks")
    String subChecks();

    @Message("Scheduling trace of the graded run")
    String subTrace();

    @Message("This submission has no recorded trace.")
    String subNoTrace();

    // The learner's progress on the course home (shown when logged in).

    @Message("Your points: {points} / {maxPoints}")
    String homePoints(int points, int maxPoints);

    @Message("passed")
    String lessonTicked();

    @Message("opened")
    String lessonOpened();

    // The class list (/classes), the header's links and the admin's user list (ClassroomPages, AdminPages).

    @Message("Sections")
    String navSections();

    @Message("Classes")
    String navClasses();

    @Message("Users")
    String navUsers();

    @Message("Your classes")
    String clsMyClasses();

    @Message("Classes you teach")
    String clsTeaching();

    @Message("Name")
    String clsName();

    @Message("You teach no class yet.")
    String clsNoneTaught();

    @Message("Dashboard")
    String clsDashboard();

    @Message("Create a class")
    String clsCreate();

    @Message("e.g. OS 2025 group A")
    String clsNamePlaceholder();

    @Message("Create class")
    String clsCreateButton();

    @Message("Class created. Give your learners its join code:")
    String clsCreated();

    @Message("Classes you are in")
    String clsMember();

    @Message("You are not in any class yet.")
    String clsNoneJoined();

    @Message("Join a class")
    String clsJoin();

    @Message("Join")
    String clsJoinButton();

    @Message("You joined")
    String clsJoined();

    @Message("Enter the join code your instructor gave you.")
    String clsErrorNoCode();

    @Message("No class has this join code. Check it with your instructor: a code has 8 letters and digits.")
    String clsErrorUnknownCode();

    @Message("A class needs a name (1 to 200 characters).")
    String clsErrorNoName();

    @Message("The server cannot be reached. Check your connection and try again.")
    String clsErrorOffline();

    @Message("Users")
    String admUsers();

    @Message("Everyone with an account, and what they may do. An instructor creates classes and sees their grades.")
    String admUsersLead();

    @Message("Make instructor")
    String admMakeInstructor();

    @Message("Only admins can manage users.")
    String adminOnly();
}
