package dev.threadlab.account;

import dev.threadlab.message.Message;

/**
 * What someone wanted to do when they were refused: its text completes a refusal ("Log in to …", "Only the class's
 * instructor can …"), so that the whole sentence is said in the reader's language, not an English phrase inside it.
 */
public enum AccountAction {
    SEE_ACCOUNT("account.action.seeAccount"),
    CREATE_TOKEN("account.action.createToken"),
    LIST_TOKENS("account.action.listTokens"),
    REVOKE_TOKEN("account.action.revokeToken"),
    SEE_RUN_HISTORY("account.action.seeRunHistory"),
    SUBMIT_EXERCISE("account.action.submitExercise"),
    GRADE_BATCH("account.action.gradeBatch"),
    SEE_BATCH("account.action.seeBatch"),
    SEE_DRAFTS("account.action.seeDrafts"),
    KEEP_DRAFTS("account.action.keepDrafts"),
    SEE_PROGRESS("account.action.seeProgress"),
    RECORD_PROGRESS("account.action.recordProgress"),
    CREATE_CLASS("account.action.createClass"),
    JOIN_CLASS("account.action.joinClass"),
    SEE_CLASSES("account.action.seeClasses"),
    SEE_DASHBOARD("account.action.seeDashboard"),
    SEE_GRADES("account.action.seeGrades"),
    SET_DEADLINES("account.action.setDeadlines");

    private final String key;

    AccountAction(String key) {
        this.key = key;
    }

    /** The action as a message argument: a verb phrase ("submit an exercise", "提交练习"). */
    public Message phrase() {
        return Message.of(key);
    }
}
