package io.kefu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BasicAuthUsersTest {

  @Test
  void shouldParseUsersWhosePasswordsMayHoldColons() {
    BasicAuthUsers users = BasicAuthUsers.parse("alice:s3cret, bob:a:b");

    assertThat(users.enabled()).isTrue();
    assertThat(users.users()).containsExactly("alice", "bob");
    assertThat(users.accepts("alice", "s3cret")).isTrue();
    assertThat(users.accepts("bob", "a:b")).isTrue();
    assertThat(users.accepts("alice", "wrong")).isFalse();
    assertThat(users.accepts("carol", "s3cret")).isFalse();
  }

  @Test
  void shouldTurnAuthenticationOffWhenUnset() {
    assertThat(BasicAuthUsers.parse(null).enabled()).isFalse();
    assertThat(BasicAuthUsers.parse("  ").enabled()).isFalse();
  }

  @Test
  void shouldRefuseMalformedOrRepeatedEntriesWithoutShowingPasswords() {
    assertThatThrownBy(() -> BasicAuthUsers.parse("alice:x,bobonly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("basic auth entry 2 must be user:password with a non-empty user, was without ':'");
    assertThatThrownBy(() -> BasicAuthUsers.parse("alice:x,alice:y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("basic auth user 'alice' is listed twice");
  }
}
