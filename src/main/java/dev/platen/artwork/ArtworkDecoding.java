package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
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
     *                             out of time on a decoder starved by other work
     */
    <T> T run(Duration limit, Callable<T> decoding) {
        Turn<T> turn = new Turn<>(decoding);
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
            throw unwrap(e);
        }
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
        boolean alone = turn.othersAtStart == 0 && turnsTaken.get() == turn.ticket;
        if (!turn.cancel(true)) {
            // It finished as the limit ran out: the answer is there, use it.
            try {
                return turn.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the artwork decoder's answer", e);
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
        }
        String took = "Decoding the file took longer than the limit of " + limit.toMillis() / 1000.0 + " s";
        if (slowOnItsOwn(alone, cpuNanos, limit)) {
            throw ArtworkRejected.timedOut(took);
        }
        throw new ArtworkDecoderBusy(took + " while the engine was busy (other files on the decoders alongside it"
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
     *   <li>no other file was on the decoders at any moment of its turn: the pool was otherwise idle, so whatever
     *       held it up (a decoder blocked, thrashing the heap) was this file.</li>
     * </ul>
     * Otherwise it shared the decoders and got less than half a processor: the same file decodes in a fraction
     * of the limit on a quieter engine, and the caller tries it again later - a workflow step by failing its job
     * into the retry back-off, a shop by the 503's Retry-After. A hostile file that is only ever seen in a crowd
     * therefore costs a few retries before its verdict, never a good file its placement.
     *
     * @param cpuNanos processor time of the decoder thread during the turn, or negative when the JVM cannot tell
     */
    static boolean slowOnItsOwn(boolean alone, long cpuNanos, Duration limit) {
        return alone || cpuNanos >= limit.toNanos() / 2;
    }

    private static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
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
        private volatile int othersAtStart;
        private volatile long ticket;

        Turn(Callable<T> decoding) {
            super(decoding);
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            othersAtStart = onDecoders.getAndIncrement();
            ticket = turnsTaken.incrementAndGet();
            cpuAtStart = cpuNanosOf(thread);
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
