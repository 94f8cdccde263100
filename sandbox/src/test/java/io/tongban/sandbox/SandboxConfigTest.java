package io.tongban.sandbox;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxConfigTest {

    @Test
    @DisplayName("decisionDelay: PT2S by default, kept by toBuilder, set by --decisionDelay=ISO-8601; a bad or negative one refused")
    void decisionDelay() {
        assertThat(SandboxConfig.defaults().decisionDelay()).isEqualTo(Duration.ofSeconds(2));
        SandboxConfig config = SandboxMain.configFrom(new String[] {"--decisionDelay=PT0.05S"});
        assertThat(config.decisionDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.toBuilder().build().decisionDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(SandboxMain.configFrom(new String[] {"--decisionDelay=PT0S"}).decisionDelay()).isZero();
        assertThatThrownBy(() -> SandboxMain.configFrom(new String[] {"--decisionDelay=2s"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decisionDelay");
        assertThatThrownBy(() -> SandboxConfig.builder().decisionDelay(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
