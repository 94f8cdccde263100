package io.tongban.sandbox.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.tongban.sandbox.knobs.SystemKnobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A JDK HTTP server that can close its port and open the same port again, so that a "down" system
 * refuses connections. Port 0 picks a free port once; later restarts reuse it.
 */
public final class SwitchableHttpServer implements SystemKnobs.Listening, AutoCloseable {

    static {
        // The JDK server writes headers and body as two segments; with Nagle on, the client's delayed ACK
        // holds the body back about 40 ms (measured: 22 lookups/s sequentially). Read once by the JDK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String host;
    private final Map<String, HttpHandler> handlers;
    private final ExecutorService executor;
    private int port;
    private HttpServer server;

    public SwitchableHttpServer(String name, String host, int port, Map<String, HttpHandler> handlers) {
        this.host = host;
        this.port = port;
        this.handlers = Map.copyOf(handlers);
        // Enough threads that a latency knob slows answers down without queueing them behind each other.
        this.executor = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized void startListening() {
        if (server != null) {
            return;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(host, port), 64);
            handlers.forEach(created::createContext);
            created.setExecutor(executor);
            created.start();
            port = created.getAddress().getPort();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox.cannot_listen: " + host + ":" + port, e);
        }
    }

    @Override
    public synchronized void stopListening() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized int port() {
        return port;
    }

    @Override
    public void close() {
        stopListening();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
