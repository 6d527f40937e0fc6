package io.kefu.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds free TCP ports and checks whether a port can be bound, on one host address. */
final class Ports {
  private Ports() {}

  /** A port the operating system reports free right now; another process may still take it before Kafka binds. */
  static int pickFree(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + host, e);
    }
  }

  /** A free port other than {@code excluded}. */
  static int pickFreeExcept(String host, int excluded) {
    int port = pickFree(host);
    while (port == excluded) {
      port = pickFree(host);
    }
    return port;
  }

  /** True if {@code host:port} can be bound now (as Kafka binds it: with SO_REUSEADDR, so TIME_WAIT does not count). */
  static boolean isBindable(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
