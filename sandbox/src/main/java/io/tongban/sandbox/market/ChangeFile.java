package io.tongban.sandbox.market;

import java.nio.file.Path;
import java.util.List;

/** A change file dropped into the feed directory and the changes it announced in this call. */
public record ChangeFile(Path path, List<EnterpriseChange> changes) {

    public ChangeFile {
        changes = List.copyOf(changes);
    }
}
