package io.kefu.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

/** Plain java.net.http requests to the registry, so tests see status, headers and bodies exactly as sent. */
final class RawHttp {
  static final String V1 = "application/vnd.schemaregistry.v1+json";

  /** One answer: status, Content-Type header (null when absent), body text. */
  record Response(int status, String contentType, String body, HttpResponse<String> raw) {
    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }

  private final String baseUrl;
  private final HttpClient client;
  private final Map<String, String> headers = new LinkedHashMap<>();

  RawHttp(String baseUrl) {
    this(baseUrl, null);
  }

  RawHttp(String baseUrl, SSLContext ssl) {
    this.baseUrl = baseUrl;
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    this.client = builder.build();
  }

  /** Sends {@code name: value} with every later request. */
  RawHttp withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Response get(String path) {
    return send("GET", path, null, V1);
  }

  Response post(String path, String body) {
    return send("POST", path, body, V1);
  }

  Response put(String path, String body) {
    return send("PUT", path, body, V1);
  }

  Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " was interrupted", e);
    }
  }
}
