package io.kefu.security.acl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies ACL bindings idempotently: creates those missing, leaves those present, never deletes, and reports the
 * bindings the planned principals hold beyond the plan; returns once the broker authorizes with all of them.
 */
public final class AclInstaller {
  /** How long {@link AclPlan#apply(Admin)} waits for Kafka. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger log = LoggerFactory.getLogger(AclInstaller.class);
  private static final long POLL_INTERVAL_MS = 100;

  private final Admin admin;
  private final Duration timeout;

  /**
   * @param admin a client allowed to describe and create ACLs (a super user, or ALTER and DESCRIBE on the cluster)
   * @param timeout how long to wait for Kafka in all
   */
  public AclInstaller(Admin admin, Duration timeout) {
    this.admin = Objects.requireNonNull(admin, "admin");
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
  }

  /**
   * What {@link #apply} did.
   *
   * @param created bindings that were missing and were created
   * @param present bindings that existed already
   * @param unplanned bindings the planned principals hold that the plan does not: left in place, worth a look
   */
  public record Outcome(List<AclBinding> created, List<AclBinding> present, List<AclBinding> unplanned) {
    public Outcome {
      created = List.copyOf(created);
      present = List.copyOf(present);
      unplanned = List.copyOf(unplanned);
    }
  }

  /**
   * Creates every binding of {@code planned} that Kafka does not hold yet, then waits until the broker describes all
   * of them, i.e. until it authorizes with them.
   *
   * @throws IllegalStateException when Kafka refuses (e.g. the client may not alter ACLs) or does not answer in time
   */
  public Outcome apply(Collection<AclBinding> planned) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<AclBinding> wanted = new LinkedHashSet<>(planned);
    try {
      Set<AclBinding> existing = describeAll(deadline);
      List<AclBinding> present = new ArrayList<>();
      List<AclBinding> missing = new ArrayList<>();
      for (AclBinding binding : wanted) {
        (existing.contains(binding) ? present : missing).add(binding);
      }
      if (!missing.isEmpty()) {
        admin.createAcls(missing).all().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
      }
      while (!describeAll(deadline).containsAll(wanted)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the broker did not show all " + wanted.size() + " ACLs within "
              + timeout);
        }
        Thread.sleep(POLL_INTERVAL_MS);
      }
      Set<String> principals = new HashSet<>();
      wanted.forEach(binding -> principals.add(binding.entry().principal()));
      List<AclBinding> unplanned = existing.stream()
          .filter(binding -> principals.contains(binding.entry().principal()) && !wanted.contains(binding))
          .toList();
      unplanned.forEach(binding -> log.warn("ACL outside the plan left in place: {}", binding));
      log.info("ACLs: {} created, {} present, {} outside the plan", missing.size(), present.size(),
          unplanned.size());
      return new Outcome(missing, present, unplanned);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot apply ACLs: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot apply ACLs: Kafka did not answer within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while applying ACLs", e);
    }
  }

  private Set<AclBinding> describeAll(long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    return new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
        .get(remainingMs(deadline), TimeUnit.MILLISECONDS));
  }

  private static long remainingMs(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }
}
