package org.dotchain.hub.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer on loopback in front of several hub instances, as one in production would be: each connection
 * goes to the next instance in turn that takes it; an instance that is down is passed over. A connection to an
 * instance that dies ends with it, and the client connects again.
 */
final class LoopbackBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 500;

    private final List<Integer> backends;
    private final ServerSocket listener;
    private final ExecutorService pipes = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "balancer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger turn = new AtomicInteger();

    LoopbackBalancer(List<Integer> backendPorts) {
        this.backends = List.copyOf(backendPorts);
        try {
            listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pipes.execute(this::accept);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                pipes.execute(() -> forward(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        Socket backend = connectToNext();
        if (backend == null) {
            closeQuietly(client);
            return;
        }
        pipes.execute(() -> pipe(client, backend));
        pipe(backend, client);
    }

    /** The next instance in turn that takes a connection, or null when none does. */
    private Socket connectToNext() {
        int first = Math.floorMod(turn.getAndIncrement(), backends.size());
        for (int tried = 0; tried < backends.size(); tried++) {
            int port = backends.get((first + tried) % backends.size());
            Socket backend = new Socket();
            try {
                backend.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
                return backend;
            } catch (IOException down) {
                closeQuietly(backend);
            }
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // one side went away: the other goes too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pipes.shutdownNow();
    }
}
