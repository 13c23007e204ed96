package io.stratum.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy that forwards every connection it accepts to one target, delaying the bytes of each direction by a
 * random {@code minDelay..maxDelay} ms per read (never reordering them: a chunk leaves no earlier than the one
 * before it) and, when asked, cutting one random connection every {@code dropEvery} ms, as a flaky network would.
 */
final class LatencyProxy implements AutoCloseable {
    private static final byte[] END = new byte[0];

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile int minDelayMillis;
    private volatile int maxDelayMillis;
    private volatile long dropEveryMillis;
    private volatile boolean closed;

    private LatencyProxy(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Listens on {@code bindAddress} (any free port) and forwards to {@code targetHost:targetPort}. */
    static LatencyProxy start(String bindAddress, String targetHost, int targetPort) {
        try {
            LatencyProxy proxy = new LatencyProxy(
                    new ServerSocket(0, 50, InetAddress.getByName(bindAddress)), targetHost, targetPort);
            proxy.threads.add(Thread.ofPlatform().daemon().name("proxy-accept").start(proxy::accept));
            proxy.threads.add(Thread.ofPlatform().daemon().name("proxy-drop").start(proxy::dropNowAndThen));
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Delays each direction by {@code min..max} ms from now on; 0, 0 for none. */
    void delay(int min, int max) {
        minDelayMillis = min;
        maxDelayMillis = max;
    }

    /** Cuts one random connection every {@code millis} ms from now on; 0 for never. */
    void dropEvery(long millis) {
        dropEveryMillis = millis;
    }

    int accepted() {
        return accepted.get();
    }

    int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(targetHost, targetPort);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                accepted.incrementAndGet();
                Link link = new Link(client, upstream);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (!closed) {
                    sleep(10);
                }
            }
        }
    }

    private void dropNowAndThen() {
        while (!closed) {
            long every = dropEveryMillis;
            sleep(every > 0 ? every : 100);
            if (every > 0 && dropEveryMillis > 0) {
                List<Link> live = new ArrayList<>(links);
                if (!live.isEmpty()) {
                    live.get(ThreadLocalRandom.current().nextInt(live.size())).close();
                    dropped.incrementAndGet();
                }
            }
        }
    }

    private long delayNanos() {
        int min = minDelayMillis;
        int max = maxDelayMillis;
        if (max <= 0) {
            return 0;
        }
        return ThreadLocalRandom.current().nextLong(min, max + 1) * 1_000_000L;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing is all that is wanted.
        }
        for (Link link : links) {
            link.close();
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One proxied connection: a delayed pipe each way; closing either socket closes both. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() throws IOException {
            pipe(client.getInputStream(), upstream.getOutputStream());
            pipe(upstream.getInputStream(), client.getOutputStream());
        }

        private void pipe(InputStream from, OutputStream to) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> read(from, queue));
            Thread.ofVirtual().start(() -> write(queue, to));
        }

        private void read(InputStream from, BlockingQueue<Chunk> queue) {
            long lastDue = 0;
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    long due = Math.max(lastDue, System.nanoTime() + delayNanos());
                    queue.add(new Chunk(java.util.Arrays.copyOf(buffer, n), due));
                    lastDue = due;
                }
            } catch (IOException e) {
                // The connection is gone; the writer closes both ends.
            }
            queue.add(new Chunk(END, lastDue));
        }

        private void write(BlockingQueue<Chunk> queue, OutputStream to) {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (chunk.bytes() == END) {
                        break;
                    }
                    to.write(chunk.bytes());
                    to.flush();
                }
            } catch (IOException | InterruptedException e) {
                // Gone: close below.
            }
            close();
        }

        void close() {
            links.remove(this);
            try {
                client.close();
            } catch (IOException ignored) {
                // Closing is all that is wanted.
            }
            try {
                upstream.close();
            } catch (IOException ignored) {
                // Closing is all that is wanted.
            }
        }
    }

    private record Chunk(byte[] bytes, long due) {}
}
