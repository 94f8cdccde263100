package io.tongban.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox as its own process until it is interrupted (Ctrl-C). Settings come from
 * {@code --name=value} arguments or {@code -Dsandbox.name=value} properties, arguments winning:
 * host, publicSecurityPort, marketPort, taxPort, socialBrokerPort, adminPort, seed, persons,
 * entities, feedDirectory, brokerDataDirectory, decisionDelay (ISO-8601, e.g. PT2S).
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "sandbox-logback.xml");
        }
        SandboxConfig config = configFrom(args);
        Sandbox sandbox = Sandbox.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        System.out.println("Tongban sandbox running (Ctrl-C stops it)");
        System.out.println("  public security    " + sandbox.publicSecurityAddress() + "?wsdl");
        System.out.println("  market supervision " + sandbox.marketSupervisionUrl() + "/scjg/api/qy/{TYSHXYDM}, /scjg/api/sq, /scjg/api/bj");
        System.out.println("  tax                " + sandbox.taxUrl() + "/sw/nsr?nsrsbh={id}, /sw/sq, /sw/bj");
        System.out.println("  social security    " + sandbox.socialSecurityBrokerUrl()
                + " queues RS.CBXX.REQ, RS.SQ.REQ, RS.SQ.JG, topic RS.CBXX.BG");
        System.out.println("  admin              " + sandbox.adminUrl() + "/knobs");
        System.out.println("  change files in    " + sandbox.feedDirectory().toAbsolutePath());
        System.out.println("  decisions after    " + sandbox.config().decisionDelay());
        System.out.println("  demo person        " + sandbox.seed().demoPerson().identityNumber());
        System.out.println("  demo company       " + sandbox.seed().demoCompany().creditCode());
        stopped.await();
    }

    static SandboxConfig configFrom(String[] args) {
        Map<String, String> settings = new HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("sandbox.")) {
                settings.put(key.toString().substring("sandbox.".length()), value.toString());
            }
        });
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("sandbox.invalid_argument: expected --name=value, got " + arg);
            }
            settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        SandboxConfig.Builder builder = SandboxConfig.builder();
        settings.forEach((name, value) -> apply(builder, name, value));
        return builder.build();
    }

    private static void apply(SandboxConfig.Builder builder, String name, String value) {
        try {
            switch (name) {
                case "host" -> builder.host(value);
                case "publicSecurityPort" -> builder.publicSecurityPort(Integer.parseInt(value));
                case "marketPort" -> builder.marketPort(Integer.parseInt(value));
                case "taxPort" -> builder.taxPort(Integer.parseInt(value));
                case "socialBrokerPort" -> builder.socialBrokerPort(Integer.parseInt(value));
                case "adminPort" -> builder.adminPort(Integer.parseInt(value));
                case "seed" -> builder.seed(Long.parseLong(value));
                case "persons" -> builder.persons(Integer.parseInt(value));
                case "entities" -> builder.entities(Integer.parseInt(value));
                case "feedDirectory" -> builder.feedDirectory(Path.of(value));
                case "brokerDataDirectory" -> builder.brokerDataDirectory(Path.of(value));
                case "decisionDelay" -> builder.decisionDelay(Duration.parse(value));
                default -> throw new IllegalArgumentException("sandbox.unknown_setting: " + name);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sandbox.invalid_argument: " + name + " is not a number: " + value, e);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("sandbox.invalid_argument: " + name + " is not an ISO-8601 duration: "
                    + value, e);
        }
    }
}
