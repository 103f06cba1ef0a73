package mnistshell.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The fast kernel's helper threads: {@link #run} has every thread, the caller's included, run one
 * task at once, and returns when all are done. Unlike an executor it allocates nothing per call (no
 * futures, no queue nodes): the task is a field, the threads wait parked between calls and are
 * woken one by one.
 */
final class KernelThreads implements AutoCloseable {

    /**
     * How long a thread that waits spins before it parks: waking a parked thread took 40-65 µs
     * here (a round trip of {@link #run} with nothing to do), and a mini-batch update hands work
     * over about six times; spinning, the round trip is under a microsecond. Past this a waiting
     * thread parks, so an idle kernel costs no processor time.
     */
    static final long SPIN_NANOS = 50_000;
    private final Thread[] helpers;
    private final AtomicInteger running = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** {@code count} threads in all: the caller and {@code count - 1} helpers. */
    KernelThreads(int count) {
        helpers = new Thread[count - 1];
        for (int t = 0; t < helpers.length; t++) {
            int worker = t + 1;
            helpers[t] = new Thread(() -> serve(worker), "mnist-kernel-" + worker);
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
    }

    /** Runs {@code work.accept(w)} on every thread w (0 is the caller's), and waits for all. */
    void run(IntConsumer work) {
        if (helpers.length == 0) {
            work.accept(0);
            return;
        }
        task = work;
        caller = Thread.currentThread();
        failure = null;
        running.set(helpers.length);
        generation++; // the only writer: publishes task, caller and the count above
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
        Throwable own = null;
        try {
            work.accept(0);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        long until = System.nanoTime() + SPIN_NANOS;
        while (running.get() != 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        while (running.get() != 0) {
            LockSupport.park(this);
        }
        task = null;
        Throwable first = own != null ? own : failure;
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    private void serve(int worker) {
        int seen = 0;
        while (true) {
            long until = System.nanoTime() + SPIN_NANOS;
            while (generation == seen && !closed && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            while (generation == seen && !closed) {
                LockSupport.park(this);
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.accept(worker);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (running.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
    }
}
