package mnistshell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kernel's helper threads: every thread runs each task once, failures reach the caller, and they go on. */
@Timeout(20)
class KernelThreadsTest {

    @Test
    void everyThreadRunsEveryTaskOnceAndTheCallerWaitsForAll() {
        try (KernelThreads threads = new KernelThreads(3)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(3);
            for (int task = 0; task < 1000; task++) {
                threads.run(runs::incrementAndGet);
                for (int w = 0; w < 3; w++) {
                    assertEquals(task + 1, runs.get(w), "worker " + w + " after task " + task);
                }
            }
        }
    }

    @Test
    void aHelpersFailureReachesTheCallerAndTheThreadsGoOn() {
        try (KernelThreads threads = new KernelThreads(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> threads.run(w -> {
                if (w == 1) {
                    throw new IllegalStateException("worker 1 failed");
                }
            }));
            assertEquals("worker 1 failed", e.getMessage());
            int[] ran = new int[2];
            threads.run(w -> ran[w]++);
            assertArrayEquals(new int[] {1, 1}, ran);
        }
    }
}
