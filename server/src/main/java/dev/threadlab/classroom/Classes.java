package dev.threadlab.classroom;

import dev.threadlab.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Classes, their members and their deadlines in the active database; no access rules here (see ClassroomService). */
@ApplicationScoped
public class Classes {
    private final Database database;
    private final JoinCodes codes = new JoinCodes();

    Classes(Database database) {
        this.database = database;
    }

    @Transactional
    public ClassInfo create(String name, String ownerId) {
        ClassGroup group = new ClassGroup();
        group.id = UUID.randomUUID().toString();
        group.name = name;
        group.joinCode = freshCode();
        group.ownerId = ownerId;
        group.createdAt = Instant.now();
        session().persist(group);
        return group.info();
    }

    @Transactional
    public Optional<ClassInfo> find(String id) {
        return Optional.ofNullable(session().find(ClassGroup.class, id)).map(ClassGroup::info);
    }

    @Transactional
    public Optional<ClassInfo> byCode(String code) {
        return session().createSelectionQuery("from ClassGroup where joinCode = :code", ClassGroup.class)
                .setParameter("code", code).uniqueResultOptional().map(ClassGroup::info);
    }

    /** Adds the account to the class; joining again changes nothing. */
    @Transactional
    public void join(String classId, String userId) {
        if (session().find(ClassMember.class, new ClassMember.Key(classId, userId)) == null) {
            ClassMember member = new ClassMember();
            member.classId = classId;
            member.userId = userId;
            member.joinedAt = Instant.now();
            session().persist(member);
        }
    }

    @Transactional
    public List<ClassInfo> taughtBy(String ownerId) {
        return session().createSelectionQuery("from ClassGroup where ownerId = :owner order by createdAt, id",
                ClassGroup.class).setParameter("owner", ownerId).getResultList().stream().map(ClassGroup::info)
                .toList();
    }

    @Transactional
    public List<ClassInfo> joinedBy(String userId) {
        return session().createSelectionQuery("select g from ClassGroup g, ClassMember m where m.classId = g.id"
                + " and m.userId = :user order by m.joinedAt, g.id", ClassGroup.class).setParameter("user", userId)
                .getResultList().stream().map(ClassGroup::info).toList();
    }

    /** The class's members by name. */
    @Transactional
    public List<Member> members(String classId) {
        return session().createSelectionQuery("select new dev.threadlab.classroom.Member(m.userId, u.username,"
                + " m.joinedAt) from ClassMember m, UserAccount u where u.id = m.userId and m.classId = :class"
                + " order by u.usernameKey", Member.class).setParameter("class", classId).getResultList();
    }

    /** The class's late policies by exercise id. */
    @Transactional
    public Map<String, LatePolicy> deadlines(String classId) {
        Map<String, LatePolicy> policies = new LinkedHashMap<>();
        session().createSelectionQuery("from ClassDeadline where classId = :class", ClassDeadline.class)
                .setParameter("class", classId).getResultList()
                .forEach(deadline -> policies.put(deadline.exerciseId, deadline.policy()));
        return policies;
    }

    /** Sets (or replaces) the due date of one exercise in one class. */
    @Transactional
    public void setDeadline(String classId, String exerciseId, LatePolicy policy) {
        ClassDeadline existing = session().find(ClassDeadline.class, new ClassDeadline.Key(classId, exerciseId));
        ClassDeadline deadline = existing != null ? existing : new ClassDeadline();
        deadline.classId = classId;
        deadline.exerciseId = exerciseId;
        deadline.dueAt = policy.dueAt();
        deadline.lateUntil = policy.lateUntil();
        deadline.latePercent = policy.latePercent();
        if (existing == null) {
            session().persist(deadline);
        }
    }

    /** The due dates of this exercise in every class the account is in. */
    @Transactional
    public List<AppliedDeadline> deadlinesOf(String userId, String exerciseId) {
        return session().createSelectionQuery("select d, g.name from ClassDeadline d, ClassMember m, ClassGroup g"
                + " where m.classId = d.classId and g.id = d.classId and m.userId = :user"
                + " and d.exerciseId = :exercise", Object[].class)
                .setParameter("user", userId).setParameter("exercise", exerciseId).getResultList().stream()
                .map(row -> {
                    ClassDeadline deadline = (ClassDeadline) row[0];
                    return new AppliedDeadline(deadline.classId, (String) row[1], deadline.policy());
                }).toList();
    }

    private String freshCode() {
        String code = codes.next();
        while (byCode(code).isPresent()) {
            code = codes.next();
        }
        return code;
    }

    private Session session() {
        return database.session();
    }
}
