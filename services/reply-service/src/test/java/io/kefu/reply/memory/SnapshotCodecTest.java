package io.kefu.reply.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.reply.memory.avro.ConversationSnapshot;
import io.kefu.serde.InMemorySchemaRegistryClient;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.KefuAvroSerializer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

  @Test
  void shouldRoundTripAStateThroughTheConfluentWireFormat() {
    // Given a state with turns in two scripts and two answered ids, and real Avro serdes over an in-memory registry
    ConversationState state = ConversationState.EMPTY
        .after("m1", RecentTurn.customer("where is order 42?"), RecentTurn.agent("It ships today."), 10, 10)
        .after("m2", RecentTurn.customer("我要退货 😀"), RecentTurn.agent("好的。"), 10, 10);
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    KefuAvroSerializer<ConversationSnapshot> serializer = new KefuAvroSerializer<>(registry, false);
    KefuAvroDeserializer<ConversationSnapshot> deserializer = KefuAvroDeserializer.of(ConversationSnapshot.class, registry);

    // When it is written as a snapshot and read back
    byte[] bytes = serializer.serialize("conversation-turns",
        SnapshotCodec.toSnapshot("conv-1", state, Instant.ofEpochMilli(1_700_000_000_123L)));
    ConversationSnapshot snapshot = deserializer.deserialize("conversation-turns", bytes);

    // Then
    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(snapshot.getConversationId()).isEqualTo("conv-1");
    assertThat(snapshot.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(SnapshotCodec.toState(snapshot)).isEqualTo(state);
  }
}
