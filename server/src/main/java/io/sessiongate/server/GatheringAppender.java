package io.sessiongate.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The server's log writer ({@code logback.xml}): the thread that logs only queues its event, and one thread,
 * {@code sessiongate-log}, wakes every {@code intervalMillis} (20 ms), encodes what has gathered and writes it
 * to standard output in one write.
 *
 * <p>Why not logback's {@code AsyncAppender}: a profile of the server under load (README, Performance) put a
 * tenth of a transfer's CPU in its request log line, almost none of it in making the line: each event woke
 * the appender's worker (a futex wake on the request thread, a context switch on the worker's side) and each
 * line was its own {@code write(2)} to the console. Here nothing wakes a thread per line and nothing writes per
 * line; a line reaches the output at most one interval after it was logged.
 *
 * <p>Nothing is dropped, as with the {@code AsyncAppender} it replaces ({@code neverBlock} false, no
 * discarding): a thread that finds the queue full ({@code queueSize}, 8192 events) waits for room, which the
 * writer makes at its next wake-up. {@link #stop} writes what is left, so the last lines of a server that is
 * shutting down are kept ({@code Main} stops the logging once the server is closed).
 */
public final class GatheringAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private Encoder<ILoggingEvent> encoder;
    private int queueSize = 8192;
    private int intervalMillis = 20;
    private final OutputStream out;
    private final Object writing = new Object();
    private final List<ILoggingEvent> batch = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private ArrayBlockingQueue<ILoggingEvent> queue;
    private Thread writer;
    private volatile boolean running;

    /** Standard output, as logback builds it from {@code logback.xml}. */
    public GatheringAppender() {
        this(new FileOutputStream(FileDescriptor.out));
    }

    GatheringAppender(OutputStream out) {
        this.out = out;
    }

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public void setIntervalMillis(int intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (encoder == null) {
            addError("no encoder for the appender named [" + name + "]");
            return;
        }
        if (queueSize < 1 || intervalMillis < 1) {
            addError("queueSize and intervalMillis must be at least 1");
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        writeGathered(encoder.headerBytes());
        running = true;
        writer = new Thread(this::gather, "sessiongate-log");
        writer.setDaemon(true);
        writer.start();
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // what the writer needs later from this thread (the formatted message, the thread's name, the MDC)
        event.prepareForDeferredProcessing();
        if (queue.offer(event)) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void gather() {
        long interval = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        while (running) {
            LockSupport.parkNanos(this, interval);
            writeGathered(null);
        }
    }

    /** Encodes what has gathered, then {@code after} (the header or footer, or null), and writes it in one write. */
    private void writeGathered(byte[] after) {
        synchronized (writing) {
            queue.drainTo(batch);
            for (ILoggingEvent event : batch) {
                try {
                    bytes.writeBytes(encoder.encode(event));
                } catch (RuntimeException e) {
                    addError("could not encode a log event", e);
                }
            }
            batch.clear();
            if (after != null) {
                bytes.writeBytes(after);
            }
            if (bytes.size() == 0) {
                return;
            }
            try {
                bytes.writeTo(out);
                out.flush();
            } catch (IOException e) {
                addError("could not write the log", e);
            } finally {
                bytes.reset();
            }
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeGathered(encoder.footerBytes());
    }
}
