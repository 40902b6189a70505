package io.github.mlp4j.vector;

/**
 * The worker pool all vector backends share, sized by the system property {@value #THREADS} or else
 * by the number of available processors, created on first use.
 */
final class Pools {

    /** System property: threads for the vector backend's GEMMs and large optimizer updates. */
    static final String THREADS = "mlp4j.threads";

    private static volatile WorkerPool shared;

    private Pools() {
    }

    static int configuredThreads() {
        String p = System.getProperty(THREADS);
        if (p != null) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the error
            }
            throw new IllegalArgumentException("-D" + THREADS + "=" + p + ": expected a whole number >= 1");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    static WorkerPool shared() {
        WorkerPool p = shared;
        if (p == null) {
            synchronized (Pools.class) {
                if (shared == null) {
                    shared = new WorkerPool(configuredThreads());
                }
                p = shared;
            }
        }
        return p;
    }
}
