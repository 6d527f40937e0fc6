/**
 * A local certificate authority made with the JDK's {@code keytool}: a CA, a trust store holding it, and
 * CA-signed server key stores, all PKCS12, written at run time and never committed.
 */
package io.kefu.security.tls;
