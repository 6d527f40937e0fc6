package io.kefu.registry.http;

import io.kefu.registry.TlsOptions;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds the Jetty connector that serves the registry over TLS with the configured key store. */
final class HttpsConnector {
  private HttpsConnector() {}

  static Connector create(Server server, HttpConfiguration base, TlsOptions tls, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(tls.keyStore().toString());
    ssl.setKeyStoreType(tls.keyStoreType());
    if (tls.keyStorePassword() != null) {
      ssl.setKeyStorePassword(tls.keyStorePassword());
    }
    if (tls.effectiveKeyPassword() != null) {
      ssl.setKeyManagerPassword(tls.effectiveKeyPassword());
    }
    HttpConfiguration https = new HttpConfiguration(base);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Clients often reach the registry by IP address, which the certificate's names need not list.
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
