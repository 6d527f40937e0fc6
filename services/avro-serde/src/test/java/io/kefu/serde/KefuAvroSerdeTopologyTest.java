package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Role;
import io.kefu.contract.Turn;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/** Shows the serde and the in-memory registry in a TopologyTestDriver test, as Kefu's Streams tests use them. */
class KefuAvroSerdeTopologyTest {

  @Test
  void shouldCarryAvroRecordsThroughATopologyWithTheInMemoryRegistry() {
    // Given a topology turning customer messages into turns, with serdes on one in-memory registry
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    KefuAvroSerde<CustomerMessage> messages = KefuAvroSerde.of(CustomerMessage.class, registry, false);
    KefuAvroSerde<Turn> turns = KefuAvroSerde.of(Turn.class, registry, false);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("customer-messages", Consumed.with(Serdes.String(), messages))
        .mapValues(message -> Turn.newBuilder().setRole(Role.CUSTOMER).setText(message.getText()).build(),
            Named.as("message-to-turn"))
        .to("turns", Produced.with(Serdes.String(), turns));
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "avro-serde-topology-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
      TestInputTopic<String, CustomerMessage> input =
          driver.createInputTopic("customer-messages", Serdes.String().serializer(), messages.serializer());
      TestOutputTopic<String, Turn> output =
          driver.createOutputTopic("turns", Serdes.String().deserializer(), turns.deserializer());

      // When a message is piped in
      input.pipeInput("c-1", ContractSamples.customerMessage());

      // Then its text comes out as a customer turn, and both value subjects were registered
      assertThat(output.readKeyValuesToList()).containsExactly(
          KeyValue.pair("c-1", ContractSamples.turn(Role.CUSTOMER, ContractSamples.customerMessage().getText())));
      assertThat(registry.subjects()).isEqualTo(List.of("customer-messages-value", "turns-value"));
    }
  }
}
