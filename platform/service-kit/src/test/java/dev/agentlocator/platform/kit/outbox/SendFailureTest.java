package dev.agentlocator.platform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

class SendFailureTest {

    @Test
    void aRecordKafkaCannotTakeIsRefusedForGoodWhateverWrapsIt() {
        var tooLarge = new RecordTooLargeException("The message is 2097283 bytes when serialized");
        var wrapped = new KafkaProducerException(null, "Failed to send", tooLarge);

        assertThat(new SendFailure(tooLarge).refusesTheRecord()).isTrue();
        assertThat(new SendFailure(new ExecutionException(wrapped)).refusesTheRecord())
                .isTrue();
        assertThat(new SendFailure(new SerializationException("bad")).refusesTheRecord())
                .isTrue();
        assertThat(new SendFailure(wrapped).reason())
                .as("Kafka's own exception, not Spring's wrapper")
                .startsWith(RecordTooLargeException.class.getName());
    }

    @Test
    void anUnreachableOrMisconfiguredKafkaIsNeverTheRecordsFault() {
        assertThat(new SendFailure(new TimeoutException("Expiring 1 record(s)")).refusesTheRecord())
                .isFalse();
        assertThat(new SendFailure(new NetworkException("gone")).refusesTheRecord())
                .isFalse();
        assertThat(new SendFailure(new TopicAuthorizationException("no ACL")).refusesTheRecord())
                .as("a permission is fixed once for every record, not by parking them")
                .isFalse();
        assertThat(new SendFailure(new IllegalStateException("producer closed")).refusesTheRecord())
                .isFalse();
    }

    @Test
    void aReasonIsKeptShort() {
        assertThat(new SendFailure(new RecordTooLargeException("x".repeat(10_000))).reason())
                .hasSizeLessThan(2_100);
    }
}
