package dev.platen.artwork;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded worker that decodes artwork: a small fixed set of threads with a short queue, so that the memory
 * held by decoding is at most {@code decoderThreads x maxDecodedBytes} however many uploads arrive, and one
 * file's time limit, stack overflow or exhausted heap ends that file's decoding and nothing else.
 *
 * <p>A file past its time limit is interrupted: PDF page walking and stream measuring check the interrupt between
 * operations, and file channels abort their reads. A decoder that ignores interrupts keeps its thread until it
 * returns; the caller has its answer by then, and the pool's other threads keep serving.
 */
final class ArtworkDecoding {

    /**
     * Larger than a request thread's default: legitimate deep structures (nested forms, long Exif chains) must
     * not overflow, while hostile recursion still ends in a {@link StackOverflowError} that is caught per file.
     */
    private static final long STACK_BYTES = 4L << 20;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor pool;

    ArtworkDecoding(int threads, int queue) {
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
                queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                factory, new ThreadPoolExecutor.AbortPolicy());
        // Idle threads end, so inspectors made and dropped (tests, tools) leave no threads behind.
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs one file's decoding on a decoder thread and waits at most {@code limit} for it.
     *
     * @throws ArtworkRejected     the file's own rejection, or {@code ARTWORK_TIMEOUT} / {@code ARTWORK_TOO_COMPLEX}
     * @throws ArtworkDecoderBusy  when every thread is busy and the queue is full
     */
    <T> T run(Duration limit, Callable<T> decoding) {
        Future<T> future;
        try {
            future = pool.submit(decoding);
        } catch (RejectedExecutionException e) {
            throw new ArtworkDecoderBusy("All " + pool.getMaximumPoolSize() + " artwork decoders are busy and "
                    + pool.getQueue().size() + " files are waiting; try again shortly.");
        }
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            // A cancelled task still waiting would hold its place in the queue until a thread reached it.
            pool.remove((Runnable) future);
            throw ArtworkRejected.timedOut("Decoding the file took longer than the limit of "
                    + limit.toMillis() / 1000.0 + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the artwork decoder", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
                throw ArtworkRejected.tooComplex("The file is too complex to decode: " + cause, cause);
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("artwork decoding failed", cause);
        }
    }
}
