package io.tongban.routes.matters;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One way a required material may be satisfied, as the catalogue lists them (most trusted first).
 *
 * @param department  for system verification: the department the bus asks
 * @param licenceType for an e-licence: the licence type that counts
 * @param files       for an upload: the file kinds accepted
 */
public record MaterialSource(Type type, String department, String licenceType, List<FileKind> files) {

    /**
     * The kinds of source, each with the trust grade of 国办函〔2016〕108号: A issued by the authority, B checked at a
     * window (an earlier signed material is reused only after that), C uploaded by the applicant.
     */
    public enum Type {
        SYSTEM_VERIFICATION('A'),
        E_LICENCE('A'),
        REUSE('B'),
        UPLOAD('C');

        private final char grade;

        Type(char grade) {
            this.grade = grade;
        }

        public char grade() {
            return grade;
        }
    }

    public enum FileKind {
        PDF,
        IMAGE,
        JSON
    }

    public MaterialSource {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The trust grade of this source. */
    @JsonProperty("grade")
    public String grade() {
        return String.valueOf(type.grade());
    }
}
