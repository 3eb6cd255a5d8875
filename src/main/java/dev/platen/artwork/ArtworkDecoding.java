package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.lang.management.ManagementFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded worker that decodes artwork: a small fixed set of threads with a short queue, so that the memory
 * held by decoding is at most {@code decoderThreads x maxDecodedBytes} however many uploads arrive, and one
 * file's time limit, stack overflow or exhausted heap ends that file's decoding and nothing else.
 *
 * <p>Load never judges a file. Its time limit starts when a decoder thread takes it up, not when it joins the
 * queue: a burst of uploads makes files wait, and waiting is the engine's business. The wait is bounded on its own
 * ({@code platen.artwork.decoder-wait}); past it, or with the queue full, the answer is {@link ArtworkDecoderBusy}.
 * A file past its time limit on a decoder is interrupted: PDF page walking and stream measuring check the
 * interrupt between operations, and file channels abort their reads. A decoder that ignores interrupts keeps its
 * thread until it returns; the caller has its answer by then, and the pool's other threads keep serving.
 */
final class ArtworkDecoding {

    /**
     * Larger than a request thread's default: legitimate deep structures (nested forms, long Exif chains) must
     * not overflow, while hostile recursion still ends in a {@link StackOverflowError} that is caught per file.
     */
    private static final long STACK_BYTES = 4L << 20;
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** HotSpot's per-thread allocation counters, when the JVM has them: whose garbage the collector was collecting. */
    private static final com.sun.management.@Nullable ThreadMXBean ALLOCATIONS =
            THREADS instanceof com.sun.management.ThreadMXBean counted && counted.isThreadAllocatedMemorySupported()
                    && counted.isThreadAllocatedMemoryEnabled() ? counted : null;

    private final ThreadPoolExecutor pool;
    private final Duration wait;
    /** Files on a decoder thread now, and how many were ever taken up: did a file have the decoders to itself? */
    private final AtomicInteger onDecoders = new AtomicInteger();
    private final AtomicLong turnsTaken = new AtomicLong();

    ArtworkDecoding(int threads, int queue, Duration wait) {
        int poolNumber = POOLS.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(null, task,
                    "artwork-decoder-" + poolNumber + "-" + threadNumber.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
        // SynchronousQueue semantics for a zero queue: a task is taken only by an idle thread.
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                factory, new ThreadPoolExecutor.AbortPolicy());
        // Idle threads end, so inspectors made and dropped (tests, tools) leave no threads behind.
        pool.allowCoreThreadTimeOut(true);
        this.wait = wait;
    }

    /**
     * Runs one file's decoding on a decoder thread: waits at most the decoder wait for a thread to take it up,
     * then at most {@code limit} for the decoding itself.
     *
     * @throws ArtworkRejected     the file's own rejection, {@code ARTWORK_TOO_COMPLEX}, or {@code ARTWORK_TIMEOUT}
     *                             when the file was slow on a decoder that was not starved (see {@link #slowOnItsOwn})
     * @throws ArtworkDecoderBusy  the queue is full, no thread took the file up within the wait, or the file ran
     *                             out of time on a decoder starved by other work, or out of memory twice beside
     *                             other files
     */
    <T> T run(Duration limit, Callable<T> decoding) {
        Turn<T> turn = new Turn<>(() -> onceMoreAfterOutOfMemory(decoding));
        try {
            pool.execute(turn);
        } catch (RejectedExecutionException e) {
            throw new ArtworkDecoderBusy("All " + pool.getMaximumPoolSize() + " artwork decoders are busy and "
                    + pool.getQueue().size() + " files are waiting; try again shortly.");
        }
        try {
            awaitDecoder(turn);
            long left = turn.startedNanos + limit.toNanos() - System.nanoTime();
            return turn.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return afterTimeLimit(turn, limit);
        } catch (InterruptedException e) {
            turn.cancel(true);
            pool.remove(turn);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the artwork decoder", e);
        } catch (ExecutionException e) {
            throw failure(turn, e);
        }
    }

    /**
     * Decodes, and once more when the heap had no room: an {@link OutOfMemoryError} is not always the file's own. The
     * JDK's JPEG decoder and the Deflater hold the collector off while they work on Java arrays (JNI critical
     * regions), and on JDK 17 an allocation that finds the collector held off twice in a row fails with "Java heap
     * space" though the heap is far from full: in the labelled-lanes run (2026-12-05) a proof step failed so with
     * 2.7 of 5.9 GB in use, during a run of such collections. A burst also fills the heap with other files' pictures
     * for a while. A second try, with the first try's allocations already garbage, is decoded when the squeeze has
     * passed; a file that needs more than the heap can give fails again at once and is judged by
     * {@link #afterOutOfMemory}. No forced collection between the two: for a real shortage the VM has collected in
     * full before it threw (about a second a try in the unit tests' heap), and one more would only stop the whole
     * engine again for each hostile file.
     */
    private static <T> T onceMoreAfterOutOfMemory(Callable<T> decoding) throws Exception {
        try {
            return decoding.call();
        } catch (OutOfMemoryError first) {
            return decoding.call();
        }
    }

    /**
     * A file that ran out of memory twice: its own fault ({@code ARTWORK_TOO_COMPLEX}) when no other file was on the
     * decoders during its turn, as for the time limit; beside other files, whose pictures take the heap too, it is
     * busy, tried again later and judged when it fails alone (the decoders hold at most {@code decoderThreads x
     * maxDecodedBytes}, so alone it has the room the engine promises a file).
     */
    private RuntimeException afterOutOfMemory(Turn<?> turn, OutOfMemoryError error) {
        if (turn.hadTheDecodersToItself()) {
            return ArtworkRejected.tooComplex("The file is too complex to decode: " + error, error);
        }
        return new ArtworkDecoderBusy("The heap had no room for the file while other files were decoding ("
                + error.getMessage() + "); it was stopped, not judged. Try again shortly.");
    }

    /** Waits for a decoder thread to take the file up; a file still queued after the wait leaves the queue. */
    private void awaitDecoder(Turn<?> turn) throws InterruptedException {
        if (turn.started.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return;
        }
        if (pool.remove(turn)) {
            throw new ArtworkDecoderBusy("No artwork decoder was free for " + wait.toMillis() / 1000.0 + " s ("
                    + pool.getMaximumPoolSize() + " decoders, " + pool.getQueue().size()
                    + " files waiting); the file was not decoded. Try again shortly.");
        }
        // A thread took it up just as the wait ran out: its clock is starting now.
        turn.started.await();
    }

    private <T> T afterTimeLimit(Turn<T> turn, Duration limit) {
        long cpuNanos = turn.cpuNanosSoFar();
        long gcNanos = turn.gcNanosOfItsOwnSoFar();
        boolean alone = turn.hadTheDecodersToItself();
        if (!turn.cancel(true)) {
            // It finished as the limit ran out: the answer is there, use it.
            try {
                return turn.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the artwork decoder's answer", e);
            } catch (ExecutionException e) {
                throw failure(turn, e);
            }
        }
        String took = "Decoding the file took longer than the limit of " + limit.toMillis() / 1000.0 + " s";
        if (slowOnItsOwn(alone, cpuNanos, gcNanos, limit)) {
            throw ArtworkRejected.timedOut(took);
        }
        throw new ArtworkDecoderBusy(took + " while the engine was busy (" + (alone
                ? "the processors taken by work outside the decoders" : "other files on the decoders alongside it")
                + (cpuNanos >= 0 ? ", " + Math.round(100.0 * cpuNanos / limit.toNanos()) + " % of a processor for it"
                : "") + "); it was stopped, not judged. Try again shortly.");
    }

    /**
     * Whether a file that ran out of time on a decoder is itself slow (an {@code ARTWORK_TIMEOUT} against it) or
     * only starved by the engine's other work (busy, tried again later, not judged).
     *
     * <p>It is the file's fault when either
     * <ul>
     *   <li>its decoder thread had the processor for at least half the limit: it was decoding, not queued behind
     *       other threads, and a file that needs five seconds of processor time on a 10 s limit is one no good
     *       photo is (a 20 MP JPEG decodes in one to two seconds alone). This catches hostile files even in a
     *       burst, where they are never alone; or</li>
     *   <li>no other file was on the decoders at any moment of its turn, and its thread's processor time and the
     *       collector's pauses together make half the limit: the pool was otherwise idle and the time went on this
     *       file's decoding or on the heap it filled (a file that thrashes the heap shows as pauses, not as its
     *       own processor time). The pauses count in the share of the JVM's allocations in the turn that were the
     *       decoder thread's: alone on the decoders is not alone in the engine, and a render filling the heap
     *       meanwhile made pauses that a file waiting for the processor once had counted against it; or</li>
     *   <li>it was alone and the JVM cannot measure a thread's processor time: nothing else to go by.</li>
     * </ul>
     * Otherwise it shared the decoders, or the processors were taken by work outside the decoders (renders on
     * other threads, other processes, a container's CPU quota), and it got less than half a processor: the same
     * file decodes in a fraction of the limit on a quieter machine, and the caller tries it again later - a
     * workflow step by failing its job into the retry back-off, a shop by the 503's Retry-After. Being alone on the
     * decoders once counted against the file by itself: on 2 cores busy with other work, good 12-17 MP photos ran
     * out of their 10 s alone on the decoders with a fraction of a processor, and were parked as
     * {@code ARTWORK_UNDECODABLE}. A hostile file that is only ever seen in a crowd therefore costs a few retries
     * before its verdict, never a good file its placement.
     *
     * @param cpuNanos processor time of the decoder thread during the turn, or negative when the JVM cannot tell
     * @param gcNanos  time the JVM's collectors spent during the turn (their pauses stop the decoder as well), in
     *                 the share of the turn's allocations that were the decoder thread's
     */
    static boolean slowOnItsOwn(boolean alone, long cpuNanos, long gcNanos, Duration limit) {
        long half = limit.toNanos() / 2;
        if (cpuNanos < 0) {
            return alone;
        }
        return cpuNanos >= half || alone && cpuNanos + Math.max(0, gcNanos) >= half;
    }

    /** What a turn that failed throws to the caller. */
    private RuntimeException failure(Turn<?> turn, ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof OutOfMemoryError outOfMemory) {
            return afterOutOfMemory(turn, outOfMemory);
        }
        if (cause instanceof StackOverflowError) {
            return ArtworkRejected.tooComplex("The file is too complex to decode: " + cause, cause);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("artwork decoding failed", cause);
    }

    /** One file's turn on a decoder: when a thread took it up, which thread, and who else was decoding then. */
    private final class Turn<T> extends FutureTask<T> {

        private final CountDownLatch started = new CountDownLatch(1);
        private volatile @Nullable Thread thread;
        private volatile long startedNanos;
        private volatile long cpuAtStart = -1;
        private volatile long gcAtStart;
        private volatile @Nullable Allocations allocatedAtStart;
        private volatile int othersAtStart;
        private volatile long ticket;

        Turn(Callable<T> decoding) {
            super(decoding);
        }

        /** No other file was on the decoders when it was taken up, and none was taken up after it so far. */
        boolean hadTheDecodersToItself() {
            return othersAtStart == 0 && turnsTaken.get() == ticket;
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            othersAtStart = onDecoders.getAndIncrement();
            ticket = turnsTaken.incrementAndGet();
            cpuAtStart = cpuNanosOf(thread);
            gcAtStart = gcNanos();
            allocatedAtStart = Allocations.now();
            startedNanos = System.nanoTime();
            started.countDown();
            try {
                super.run();
            } finally {
                onDecoders.decrementAndGet();
            }
        }

        /**
         * Processor time the decoder thread has spent on this turn, or -1 when the JVM cannot measure it (or, which
         * {@link #awaitDecoder} rules out, no thread has taken the turn up).
         */
        long cpuNanosSoFar() {
            long now = cpuNanosOf(thread);
            return now < 0 || cpuAtStart < 0 ? -1 : now - cpuAtStart;
        }

        /**
         * Time the JVM's collectors have spent since the turn began, in the share of the bytes the JVM's threads
         * allocated meanwhile that the decoder thread allocated; all of it when the JVM cannot count allocations.
         */
        long gcNanosOfItsOwnSoFar() {
            long gc = gcNanos() - gcAtStart;
            Allocations atStart = allocatedAtStart;
            Allocations now = Allocations.now();
            Thread decoder = thread;
            if (atStart == null || now == null || decoder == null) {
                return gc;
            }
            long own = now.since(atStart, decoder.getId());
            long all = now.sinceByAll(atStart);
            return own <= 0 || all <= 0 ? 0 : Math.round(gc * Math.min(1.0, (double) own / all));
        }
    }

    /**
     * Bytes each live thread has allocated so far (HotSpot's per-thread counters), by thread id. The JVM forgets a
     * thread's count when the thread ends, so a sum over live threads can fall while the heap fills: a worker that
     * retired during a turn once made a waiting file look like the cause of every pause. Counting per thread, only
     * threads alive at the end count, with what they allocated since the start (all of it for a thread started
     * meanwhile); what an ended thread allocated in the turn is lost, which makes the decoder's share, if anything,
     * larger.
     */
    private record Allocations(Map<Long, Long> byThread) {

        /** The counts now, or null when the JVM does not keep them. */
        static @Nullable Allocations now() {
            if (ALLOCATIONS == null) {
                return null;
            }
            long[] ids = THREADS.getAllThreadIds();
            long[] bytes = ALLOCATIONS.getThreadAllocatedBytes(ids);
            Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                if (bytes[i] >= 0) { // -1 for a thread that ended since the ids were read
                    byThread.put(ids[i], bytes[i]);
                }
            }
            return new Allocations(byThread);
        }

        /** What one thread allocated since {@code start}, or 0 when it is not alive now. */
        long since(Allocations start, long threadId) {
            Long now = byThread.get(threadId);
            return now == null ? 0 : now - start.byThread.getOrDefault(threadId, 0L);
        }

        /** What the threads alive now allocated since {@code start}. */
        long sinceByAll(Allocations start) {
            long sum = 0;
            for (Map.Entry<Long, Long> thread : byThread.entrySet()) {
                sum += Math.max(0, thread.getValue() - start.byThread.getOrDefault(thread.getKey(), 0L));
            }
            return sum;
        }
    }

    /** Time all the JVM's collectors have spent so far (the sum of their accumulated collection times). */
    private static long gcNanos() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, collector.getCollectionTime()); // -1 when a collector does not say
        }
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static long cpuNanosOf(@Nullable Thread thread) {
        try {
            return thread != null && THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()
                    ? THREADS.getThreadCpuTime(thread.getId()) : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }
}
