package io.kefu.serde;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLException;

/**
 * A minimal HTTP/1.1 server on a loopback port that records every request exactly as received and answers each
 * {@code METHOD target} with a scripted status and body (one request per connection).
 */
final class RecordingHttpServer implements AutoCloseable {

  /** One request as it arrived: header names lower-cased. */
  record Request(String method, String target, Map<String, String> headers, String body) {}

  private record Response(int status, String body) {}

  private final ServerSocket serverSocket;
  private final Thread acceptor;
  private final Map<String, Response> script = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<SSLException> refusedHandshakes = new CopyOnWriteArrayList<>();
  private volatile boolean silent;

  RecordingHttpServer() throws IOException {
    this(ServerSocketFactory.getDefault());
  }

  RecordingHttpServer(ServerSocketFactory factory) throws IOException {
    serverSocket = factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "recording-http-server-" + serverSocket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The base URL of this server, e.g. {@code http://127.0.0.1:40123}. */
  String url(String scheme) {
    return scheme + "://" + serverSocket.getInetAddress().getHostAddress() + ":" + serverSocket.getLocalPort();
  }

  String url() {
    return url("http");
  }

  /** Answers {@code method target} (target = path plus query) with {@code status} and a JSON body. */
  RecordingHttpServer answer(String method, String target, int status, String jsonBody) {
    script.put(method + " " + target, new Response(status, jsonBody));
    return this;
  }

  /** From now on, accepts requests but never answers them. */
  void goSilent() {
    silent = true;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** TLS handshakes a client broke off (e.g. because it does not trust this server's certificate). */
  List<SSLException> refusedHandshakes() {
    return List.copyOf(refusedHandshakes);
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        open.add(socket);
        Thread handler = new Thread(() -> handle(socket), acceptor.getName() + "-conn");
        handler.setDaemon(true);
        handler.start();
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        throw new IllegalStateException("accept failed on " + url(), e);
      }
    }
  }

  private void handle(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String requestLine = readLine(in);
      if (requestLine == null) {
        return;
      }
      Map<String, String> headers = new TreeMap<>();
      for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      String[] parts = requestLine.split(" ");
      requests.add(new Request(parts[0], parts[1], headers, body));
      if (silent) {
        in.read(); // Blocks until the client gives up or the server closes.
        return;
      }
      Response response = script.getOrDefault(parts[0] + " " + parts[1],
          new Response(500, "{\"error_code\":50001,\"message\":\"not scripted: " + parts[0] + " " + parts[1] + "\"}"));
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 " + response.status() + " " + reasonPhrase(response.status()) + "\r\n"
          + "Content-Type: " + RestSchemaRegistryClient.CONTENT_TYPE + "\r\n"
          + "Content-Length: " + bytes.length + "\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
    } catch (SSLException e) {
      refusedHandshakes.add(e);
    } catch (IOException e) {
      if (!serverSocket.isClosed()) {
        throw new IllegalStateException("request handling failed on " + url(), e);
      }
    }
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 422 -> "Unprocessable Entity";
      default -> "Status";
    };
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.US_ASCII);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
