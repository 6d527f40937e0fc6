package io.kefu.security;

import java.security.SecureRandom;

/**
 * Random passwords of 24 letters and digits (about 139 bits) without look-alike characters, safe inside SCRAM
 * arguments, JAAS strings, basic-auth user info and keytool's environment.
 */
public final class Passwords {
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
  private static final int LENGTH = 24;

  private Passwords() {}

  /** A new random password drawn from {@code random}. */
  public static String random(SecureRandom random) {
    char[] chars = new char[LENGTH];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
