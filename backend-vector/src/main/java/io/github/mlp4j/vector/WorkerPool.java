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
            seen = awaitTask(seen);
            try {
                task.run(part, threads());
            } catch (Throwable e) {
                failure = e;
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    /**
     * Spins, then parks, until a task newer than generation {@code seen} is published; returns its
     * generation. A method of its own so that the JIT's on-stack compilation of the spin loop, which
     * spinning alone triggers before any task has run, does not also take in the task call and compile
     * the GEMM behind it from empty profiles, a copy the worker would then keep for good. Seen in an
     * in-JVM A/B: two copies of the same pool in one JVM ran 128x784x256 at 241 and 323 GFLOP/s; keeping
     * the task out of the worker's compiled loop (-XX:CompileCommand=dontinline for Sgemm::run) gave
     * 300-329 in three JVMs. JMH forks still range 233-317 with this method (the README's known limits).
     */
    private long awaitTask(long seen) {
        long g;
        int spins = 0;
        while ((g = generation) == seen) {
            if (spins++ < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        return g;
    }
}
