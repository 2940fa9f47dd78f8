package embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers: every embedded server binds to 127.0.0.1 only. */
final class Ports {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Ports() {}

    /** A port the kernel says is free right now; 0 in settings means "pick one of these". */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw EmbeddedClusterException.io("no free loopback port", e);
        }
    }

    static int freeIfZero(int port) {
        return port == 0 ? freePort() : port;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the servers bind: a listener still blocks us, the TIME_WAIT connections a server
            // leaves for 60 s after it stopped do not (and must not make a quick restart fail)
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(String server, String what, int port, String setting) {
        if (!isFree(port)) {
            throw EmbeddedClusterException.portInUse(server, what, port, setting);
        }
    }

    static boolean isAccepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
