import io.tongban.sandbox.SandboxConfig;
import io.tongban.sandbox.seed.Person;
import io.tongban.sandbox.seed.Seed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the identity numbers the lookup benchmark asks for, from the very sandbox jar the bus embeds (so the list
 * always matches what the embedded sandbox serves):
 * <ul>
 *   <li>{@code known}: every person of the default seed, in seed order, one per line;</li>
 *   <li>{@code unknown}: valid GB 11643 numbers that no department holds, to warm the JVM up on the full
 *       three-department path without putting any seed person into the shared base.</li>
 * </ul>
 * Usage: {@code java -cp tongban-sandbox.jar SeedPersons.java <known-file> <unknown-file> <unknown-count>}
 */
public class SeedPersons {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    public static void main(String[] args) throws IOException {
        SandboxConfig config = SandboxConfig.defaults();
        List<Person> persons = Seed.generate(config.seed(), config.persons(), config.entities()).persons();
        Set<String> known = new HashSet<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
            for (Person person : persons) {
                known.add(person.identityNumber());
                out.println(person.identityNumber());
            }
        }
        int wanted = Integer.parseInt(args[2]);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            // Shenzhen Futian (440304), born from 2001 on, sequence 9xx: a range the seed may touch, hence the check.
            LocalDate birth = LocalDate.of(2001, 1, 1);
            for (int written = 0, n = 0; written < wanted; n++) {
                String body = "440304" + birth.plusDays(n / 10).toString().replace("-", "") + (990 + n % 10);
                String number = body + checkCharacter(body);
                if (!known.contains(number)) {
                    out.println(number);
                    written++;
                }
            }
        }
        System.out.printf("%d seed persons (seed %d), %d unknown numbers%n", persons.size(), config.seed(), wanted);
    }

    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
