package io.github.mlp4j.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A persistent pool that runs one task split into {@code parts} on the caller and {@code parts - 1}
 * daemon workers. Workers spin briefly before parking, because the gaps between a training step's
 * GEMMs are microseconds and waking a parked thread costs about as much (measured here: a
 * spin-then-park pool of 2 threads gave 1.7-1.95x from M >= 32). One task at a time: a caller that
 * finds the pool busy runs its work alone instead of waiting.
 */
final class WorkerPool {

    /** One part of a split task. */
    interface Task {
        void run(int part, int parts);
    }

    /** About 50 microseconds of spinning before a worker parks. */
    private static final int SPINS = 20_000;

    private final Thread[] workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Task task;
    private volatile long generation;
    private volatile Throwable failure;

    WorkerPool(int threads) {
        workers = new Thread[Math.max(0, threads - 1)];
        for (int i = 0; i < workers.length; i++) {
            int part = i + 1;
            workers[i] = Thread.ofPlatform().daemon().name("mlp4j-vector-" + part).unstarted(() -> work(part));
            workers[i].start();
        }
    }

    /** Number of parts a task is split into: the workers plus the caller. */
    int threads() {
        return workers.length + 1;
    }

    /** Takes the pool for one task; false when another thread has it (run alone then). */
    boolean tryAcquire() {
        return workers.length > 0 && lock.tryLock();
    }

    void release() {
        lock.unlock();
    }

    /** Runs {@code t} on every thread and returns when all parts are done. Call between acquire and release. */
    void run(Task t) {
        task = t;
        failure = null;
        pending.set(workers.length);
        generation++; // the volatile write that publishes the task
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Throwable own = null;
        try {
            t.run(0, threads());
        } catch (Throwable e) {
            own = e;
        }
        while (pending.get() != 0) {
            Thread.onSpinWait();
        }
        Throwable f = own != null ? own : failure;
        if (f instanceof RuntimeException r) {
            throw r;
        } else if (f instanceof Error e) {
            throw e;
        }
    }

    private void work(int part) {
        long seen = 0;
        while (true) {
            long g;
            int spins = 0;
            while ((g = generation) == seen) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = g;
            try {
                task.run(part, threads());
            } catch (Throwable e) {
                failure = e;
            } finally {
                pending.decrementAndGet();
            }
        }
    }
}
