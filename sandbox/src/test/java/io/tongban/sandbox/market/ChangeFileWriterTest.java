package io.tongban.sandbox.market;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeFileWriterTest {

    @Test
    @DisplayName("RFC 4180: a field with a comma or a quote is quoted and inner quotes are doubled; others are left bare")
    void quotesOnlyWhenNeeded() {
        assertThat(ChangeFileWriter.field("软件开发；技术服务")).isEqualTo("软件开发；技术服务");
        assertThat(ChangeFileWriter.field("货物进出口, 技术进出口")).isEqualTo("\"货物进出口, 技术进出口\"");
        assertThat(ChangeFileWriter.field("名为\"星河\"的公司")).isEqualTo("\"名为\"\"星河\"\"的公司\"");
    }

    @Test
    @DisplayName("a change becomes one line: code, item, before, after, date yyyy-MM-dd")
    void lineHasFiveFields() {
        EnterpriseChange change = new EnterpriseChange("91440300MA5F000000", "注册资本", "100.0000", "300.0000",
                LocalDate.of(2026, 11, 24));
        assertThat(ChangeFileWriter.csvLine(change)).isEqualTo("91440300MA5F000000,注册资本,100.0000,300.0000,2026-11-24");
    }
}
