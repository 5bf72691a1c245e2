package vn.ccn.dms.outbox.application;

/**
 * Work that runs after a commit or at a set time: one outbox topic and what to do for each of its rows. The
 * row's {@code available_at} is the time it becomes due, so a timer (deemed consent at a reply deadline) is an
 * outbox row with a future time. Implementations are CDI beans; {@link #run} executes inside the transaction
 * that marks the row processed, so its effects and the row's completion commit together: exactly once, also
 * with two nodes polling.
 */
public interface ScheduledWork {

    String topic();

    void run(String subjectId, String payload);
}
