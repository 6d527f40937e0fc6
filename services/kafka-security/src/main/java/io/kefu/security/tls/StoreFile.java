package io.kefu.security.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key store or trust store on disk with what opens it.
 *
 * @param location the file
 * @param password the store password (a key inside has the same one)
 * @param type the store type, {@code PKCS12}
 */
public record StoreFile(Path location, String password, String type) {
  public StoreFile {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return "StoreFile[location=" + location + ", type=" + type + "]";
  }
}
