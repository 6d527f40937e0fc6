package io.kefu.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the registry's TLS certificate and private key are.
 *
 * @param keyStore key store file holding the certificate chain and private key
 * @param keyStorePassword password of the key store, may be null for a store without one
 * @param keyStoreType {@code PKCS12} or {@code JKS}
 * @param keyPassword password of the private key; null means the key store password
 */
public record TlsOptions(Path keyStore, String keyStorePassword, String keyStoreType, String keyPassword) {
  public TlsOptions {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(keyStoreType, "keyStoreType");
    if (!Files.isReadable(keyStore)) {
      throw new IllegalArgumentException("TLS key store " + keyStore + " does not exist or cannot be read");
    }
  }

  /** The password that unlocks the private key. */
  public String effectiveKeyPassword() {
    return keyPassword != null ? keyPassword : keyStorePassword;
  }

  @Override
  public String toString() {
    return "TlsOptions[keyStore=" + keyStore + ", keyStoreType=" + keyStoreType + "]";
  }
}
