package io.tongban.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.sandbox.seed.SocialInsurance;
import jakarta.jms.JMSContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** The test speaks as social security: change events in its dialect, published on its own broker and topic. */
final class SocialSecurityEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SocialSecurityEvents() {
    }

    /** An event that the insured person's contact address changed at {@code changedAt}. */
    static String addressChanged(SocialInsurance insured, String contactAddress, Instant changedAt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sfzhm", insured.heldUnder());
        event.put("xm", insured.name());
        event.put("cbzt", insured.status());
        event.put("xzlx", insured.insurances().stream()
                .map(i -> Map.of("xz", i.type(), "zt", i.status(), "jfys", i.monthsPaid())).toList());
        event.put("dwtyshxydm", insured.employerCreditCode());
        event.put("dwmc", insured.employerName());
        event.put("lxdz", contactAddress);
        event.put("gxsj", changedAt.toEpochMilli());
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void publish(String json) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(TestSandbox.get().socialSecurityBrokerUrl());
             JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createTopic("RS.CBXX.BG"), json);
        }
    }
}
