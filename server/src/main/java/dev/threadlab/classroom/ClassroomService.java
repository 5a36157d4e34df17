package dev.threadlab.classroom;

import dev.threadlab.account.Account;
import dev.threadlab.account.AccountAction;
import dev.threadlab.account.AccountException;
import dev.threadlab.account.Accounts;
import dev.threadlab.account.Role;
import dev.threadlab.account.Viewer;
import dev.threadlab.exercise.ExerciseRepository;
import dev.threadlab.lesson.Language;
import dev.threadlab.message.Message;
import dev.threadlab.submission.Submission;
import dev.threadlab.submission.SubmissionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Who may do what with classes, and the gradebook put together from classes, submissions and the course. */
@ApplicationScoped
public class ClassroomService {
    static final int NAME_MAX = 200;

    private final Classes classes;
    private final Viewer viewer;
    private final SubmissionService submissions;
    private final ExerciseRepository exercises;
    private final CourseOrder course;
    private final Accounts accounts;

    ClassroomService(Classes classes, Viewer viewer, SubmissionService submissions, ExerciseRepository exercises,
            CourseOrder course, Accounts accounts) {
        this.classes = classes;
        this.viewer = viewer;
        this.submissions = submissions;
        this.exercises = exercises;
        this.course = course;
        this.accounts = accounts;
    }

    /** A new class owned by the viewer, who must be an instructor or an admin. */
    public ClassInfo create(String name) {
        Account account = viewer.requireAccount(AccountAction.CREATE_CLASS);
        if (!account.teaches()) {
            throw new AccountException(AccountException.Kind.FORBIDDEN, Message.of("classroom.instructorsCreate"));
        }
        return classes.create(validName(name), account.id());
    }

    /** Puts the viewer in the class with this code; joining a class one is already in changes nothing. */
    public ClassInfo join(String code) {
        Account account = viewer.requireAccount(AccountAction.JOIN_CLASS);
        String normalized = JoinCodes.normalize(code);
        if (normalized.isEmpty()) {
            throw new AccountException(AccountException.Kind.INVALID, Message.of("classroom.noJoinCode"));
        }
        ClassInfo group = classes.byCode(normalized).orElseThrow(() -> new AccountException(
                AccountException.Kind.NOT_FOUND,
                Message.of("classroom.unknownJoinCode", "code", code.strip(), "length", JoinCodes.LENGTH)));
        classes.join(group.id(), account.id());
        return group;
    }

    /** The classes the viewer teaches, then those they are in. */
    public List<ClassViews.Listing> mine() {
        Account account = viewer.requireAccount(AccountAction.SEE_CLASSES);
        List<ClassViews.Listing> listings = new ArrayList<>();
        classes.taughtBy(account.id()).forEach(group -> listings.add(ClassViews.Listing.teaching(group)));
        classes.joinedBy(account.id()).forEach(group -> listings.add(ClassViews.Listing.member(group)));
        return listings;
    }

    /** The class, when the viewer teaches it (or is an admin): 401 anonymous, 404 no such class, 403 anyone else. */
    public ClassInfo teach(String classId, AccountAction toDo) {
        Account account = viewer.requireAccount(toDo);
        ClassInfo group = classes.find(classId)
                .orElseThrow(() -> new NotFoundException("No class with id '" + classId + "'."));
        if (!group.ownerId().equals(account.id()) && !account.has(Role.ADMIN)) {
            throw new AccountException(AccountException.Kind.FORBIDDEN,
                    Message.of("classroom.instructorOnly", "action", toDo.phrase()));
        }
        return group;
    }

    public GradeSheet grades(String classId, Language language) {
        ClassInfo group = teach(classId, AccountAction.SEE_GRADES);
        List<Member> members = classes.members(group.id());
        List<Gradebook.Learner> learners = members.stream()
                .map(m -> new Gradebook.Learner(m.userId(), m.username())).toList();
        List<Submission> theirs = submissions.ofLearners(members.stream().map(Member::userId).toList());
        return Gradebook.sheet(group, course.columns(language), learners, classes.deadlines(group.id()), theirs);
    }

    public ClassViews.Deadline setDeadline(String classId, String exerciseId, ClassViews.DeadlineRequest request) {
        ClassInfo group = teach(classId, AccountAction.SET_DEADLINES);
        exercises.require(exerciseId);
        LatePolicy policy = DeadlineParser.parse(request);
        classes.setDeadline(group.id(), exerciseId, policy);
        return ClassViews.Deadline.of(group.id(), exerciseId, policy);
    }

    /** The most generous due date of this exercise among the viewer's classes; none for anonymous visitors. */
    public ClassViews.ExerciseDeadline deadlineFor(String exerciseId) {
        exercises.require(exerciseId);
        Optional<AppliedDeadline> best = viewer.account().stream()
                .flatMap(account -> classes.deadlinesOf(account.id(), exerciseId).stream())
                .max((a, b) -> LatePolicy.GENEROSITY.compare(a.policy(), b.policy()));
        return new ClassViews.ExerciseDeadline(exerciseId, best.map(ClassViews.Applied::of).orElse(null));
    }

    /**
     * A submission for its page: the learner who made it and instructors and admins see it; to anyone else it does
     * not exist, as in the submission API.
     */
    public Optional<SubmissionSummary> submission(String id, Language language) {
        Optional<Account> account = viewer.account();
        return submissions.find(id).filter(s -> account.map(s::visibleTo).orElse(false))
                .map(s -> summary(s, language));
    }

    private SubmissionSummary summary(Submission s, Language language) {
        String title = exercises.find(s.exerciseId()).map(e -> e.text(language).title()).orElse(s.exerciseId());
        String learner = accounts.byId(s.learnerId()).map(Account::username).orElse(s.learnerId());
        return new SubmissionSummary(s.id(), s.exerciseId(), title, learner, s.createdAt(), s.status(), s.score(),
                s.maxScore());
    }

    private static String validName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new AccountException(AccountException.Kind.INVALID, Message.of("classroom.noName", "max", NAME_MAX));
        }
        if (stripped.length() > NAME_MAX) {
            throw new AccountException(AccountException.Kind.INVALID,
                    Message.of("classroom.nameTooLong", "max", NAME_MAX, "length", stripped.length()));
        }
        return stripped;
    }
}
