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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP balancer on loopback in front of several hub instances: each connection goes to the next instance in turn
 * that accepts it, an instance that refuses connections (down, or not yet listening) is passed over. Unlike a
 * production balancer it checks no readiness. A connection to an instance that dies ends with it; the client
 * connects again.
 */
final class LoopbackBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 500;

    private final List<Integer> backends;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
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
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(client);
            try {
                pipes.execute(() -> forward(client));
            } catch (RejectedExecutionException closing) {
                close(client);
            }
        }
    }

    private void forward(Socket client) {
        Socket backend = connectToNext();
        if (backend == null) {
            close(client);
            return;
        }
        AtomicInteger directionsOpen = new AtomicInteger(2);
        try {
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
            pipes.execute(() -> pipe(client, backend, directionsOpen));
        } catch (IOException | RejectedExecutionException ended) {
            close(client);
            close(backend);
            return;
        }
        pipe(backend, client, directionsOpen);
    }

    /** The next instance in turn that accepts a connection, or null when none does. */
    private Socket connectToNext() {
        int first = Math.floorMod(turn.getAndIncrement(), backends.size());
        for (int tried = 0; tried < backends.size(); tried++) {
            int port = backends.get((first + tried) % backends.size());
            Socket backend = new Socket();
            open.add(backend);
            try {
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
                return backend;
            } catch (IOException down) {
                close(backend);
            }
        }
        return null;
    }

    /**
     * Copies one direction until its end: then says so to the other side (half-close), and closes both sockets once
     * the other direction has ended too; a failure either way closes both.
     */
    private void pipe(Socket from, Socket to, AtomicInteger directionsOpen) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
            if (directionsOpen.decrementAndGet() == 0) {
                close(from);
                close(to);
            }
        } catch (IOException ended) {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
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
        // a thread blocked reading a socket is not interrupted: its socket closed under it ends it
        open.forEach(this::close);
    }
}
