import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yardstick of bench/access.sh: a bare Spring Boot endpoint on the bus's own Spring Boot, Tomcat, Spring MVC
 * and Jackson (its classpath is the bus jar's libraries), answering {@code GET /api/v1/persons/{idNumber}} with the
 * JSON answer the bus gave for a person, serialised by Jackson on every request as a controller's answer would be.
 * No security, no database, no exchange log, no merge: what any endpoint costs on this machine.
 *
 * <p>Usage: {@code java -Danswer=<file.json> -cp <classes>:<libs>/* BareEndpoint --server.port=8081}
 */
@Configuration
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
public class BareEndpoint {

    public static void main(String[] args) {
        SpringApplication.run(BareEndpoint.class, args);
    }

    @Bean
    PersonAnswer personAnswer() throws Exception {
        return new PersonAnswer(new ObjectMapper().readTree(Files.readString(Path.of(System.getProperty("answer")))));
    }
}

/** Top-level rather than nested: a nested component would be registered a second time, without its answer. */
@RestController
class PersonAnswer {
    private final JsonNode answer;

    PersonAnswer(JsonNode answer) {
        this.answer = answer;
    }

    @GetMapping("/api/v1/persons/{idNumber}")
    JsonNode person(@PathVariable String idNumber) {
        return answer;
    }
}
