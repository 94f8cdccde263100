import io.tongban.sandbox.SandboxConfig;
import io.tongban.sandbox.seed.Enterprise;
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
 * Writes the API paths the lookup benchmark asks for, one per line, from the very sandbox jar the bus embeds (so the
 * lists always match what the embedded sandbox serves, with its default seed):
 * <ul>
 *   <li>{@code persons}: {@code persons/<identity number>} for every seed person, in seed order;</li>
 *   <li>{@code unknown}: {@code persons/<number>} for valid GB 11643 numbers that no department holds;</li>
 *   <li>{@code entities}: {@code legal-entities/<credit code>} for every seed enterprise.</li>
 * </ul>
 * The last two warm the JVMs up on the read-through path without putting any seed person into the shared base.
 * Usage: {@code java -cp tongban-sandbox.jar SeedSubjects.java <persons> <unknown> <unknown-count> <entities>}
 */
public class SeedSubjects {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    public static void main(String[] args) throws IOException {
        SandboxConfig config = SandboxConfig.defaults();
        Seed seed = Seed.generate(config.seed(), config.persons(), config.entities());
        List<Person> persons = seed.persons();
        Set<String> known = new HashSet<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
            for (Person person : persons) {
                known.add(person.identityNumber());
                out.println("persons/" + person.identityNumber());
            }
        }
        int wanted = Integer.parseInt(args[2]);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            // Shenzhen Futian (440304), born from 2001 on, sequence 99x: a range the seed may touch, hence the check.
            LocalDate birth = LocalDate.of(2001, 1, 1);
            for (int written = 0, n = 0; written < wanted; n++) {
                String body = "440304" + birth.plusDays(n / 10).toString().replace("-", "") + (990 + n % 10);
                String number = body + checkCharacter(body);
                if (!known.contains(number)) {
                    out.println("persons/" + number);
                    written++;
                }
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            for (Enterprise enterprise : seed.enterprises()) {
                out.println("legal-entities/" + enterprise.creditCode());
            }
        }
        System.out.printf("seed %d: %d persons, %d enterprises; %d unknown numbers%n", config.seed(), persons.size(),
                seed.enterprises().size(), wanted);
    }

    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
