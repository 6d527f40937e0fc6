package io.kefu.poison.env;

import java.util.List;

/**
 * Whether the services ran through a matrix run without restarting.
 *
 * @param samples how many times both services were looked at
 * @param replySameInstance the reply service at the end is the instance started at the beginning
 * @param replyLoopThreadSame its poll-loop thread (which owns its one consumer) is the one started, still alive, and
 *     no other loop thread of the instance exists
 * @param replyNotLiveSamples samples in which the reply loop was not live
 * @param replyAbortedTransactions reply transactions aborted (each rewinds the poll and restores memory)
 * @param streamStatesSeen every Kafka Streams state of the feedback stream seen, in order of first sight
 * @param streamThreadsSame the feedback stream's threads are the ones running at the beginning, all alive
 * @param streamHandlerSkips records the Streams exception handlers skipped (bad input must be dead-lettered instead)
 */
public record LivenessReport(int samples, boolean replySameInstance, boolean replyLoopThreadSame,
    int replyNotLiveSamples, long replyAbortedTransactions, List<String> streamStatesSeen, boolean streamThreadsSame,
    long streamHandlerSkips) {

  public LivenessReport {
    streamStatesSeen = List.copyOf(streamStatesSeen);
  }

  /** True when neither service restarted, failed a transaction, or skipped a record. */
  public boolean noRestarts() {
    return replySameInstance && replyLoopThreadSame && replyNotLiveSamples == 0 && replyAbortedTransactions == 0
        && streamStatesSeen.equals(List.of("RUNNING")) && streamThreadsSame && streamHandlerSkips == 0;
  }
}
