package io.callflow.media.rtp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortRangeTest {
    @Test
    void hands_out_even_ports_each_with_its_rtcp_port_inside_the_range() {
        PortRange range = new PortRange(30001, 30006);
        assertThat(range.capacity()).isEqualTo(2);
        assertThat(range.acquire()).isEqualTo(30002);
        assertThat(range.acquire()).isEqualTo(30004);
        assertThatThrownBy(range::acquire).isInstanceOf(IllegalStateException.class);
        assertThat(range.inUse()).isEqualTo(2);
    }

    @Test
    void released_ports_are_reused() {
        PortRange range = new PortRange(30000, 30003);
        int first = range.acquire();
        int second = range.acquire();
        range.release(first);
        assertThat(range.inUse()).isEqualTo(1);
        assertThat(range.acquire()).isEqualTo(first);
        range.release(second);
        range.release(second);
        assertThat(range.inUse()).isEqualTo(1);
    }
}
