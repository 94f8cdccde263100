package io.tongban.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Resolves port 0 for the servers that must know their port before binding (CXF's Jetty engines are
 * registered by port, Artemis acceptors are configured by URL). Another process could take the port in
 * between; on a test machine that window is small enough.
 */
final class FreePorts {

    private FreePorts() {
    }

    static int resolve(String host, int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox.no_free_port", e);
        }
    }
}
