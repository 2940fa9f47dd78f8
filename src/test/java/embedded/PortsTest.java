package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void given_a_port_someone_listens_on_when_a_server_requires_it_then_the_error_names_port_server_and_setting()
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, Ports.LOOPBACK)) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree("Kafka", "Kafka broker", port, "--kafka-port"))
                    .isInstanceOf(EmbeddedClusterException.class)
                    .hasMessage("Kafka cannot start: port " + port + " (Kafka broker) on 127.0.0.1 is already in use;"
                            + " stop what holds it or set --kafka-port to another port");
        }
    }

    @Test
    void given_port_zero_when_resolved_then_a_free_port_is_chosen() {
        int port = Ports.freeIfZero(0);

        assertThat(port).isPositive();
        assertThat(Ports.isFree(port)).isTrue();
        assertThat(Ports.freeIfZero(12_345)).isEqualTo(12_345);
    }
}
