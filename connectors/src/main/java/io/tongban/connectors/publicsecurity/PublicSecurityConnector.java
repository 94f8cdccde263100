package io.tongban.connectors.publicsecurity;

import io.tongban.connectors.Capability;
import io.tongban.connectors.ConnectorDescriptor;
import io.tongban.connectors.DecisionDialect;
import io.tongban.connectors.DepartmentDecision;
import io.tongban.connectors.DepartmentRouteBuilder;
import io.tongban.connectors.IdentityCheckRequest;
import io.tongban.connectors.IdentityCheckResult;
import io.tongban.connectors.LookupResult;
import io.tongban.connectors.SubmissionDelivery;
import io.tongban.connectors.description.ConnectorDescriptions;
import io.tongban.connectors.publicsecurity.wsdl.Bjjg;
import io.tongban.connectors.publicsecurity.wsdl.RkxxFault_Exception;
import io.tongban.connectors.publicsecurity.wsdl.Rkxx_Type;
import io.tongban.mappings.MappingEngine;
import io.tongban.mappings.SubjectType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;

/**
 * Public security (公安) population information: SOAP 1.1 through CXF, generated from the department's WSDL.
 * QueryPerson feeds the person lookup; VerifyIdentity answers an identity check without sharing the record;
 * SubmitApplication takes an application and FetchDecisions reads the decisions taken, in order.
 */
public class PublicSecurityConnector extends DepartmentRouteBuilder {

    static final String SOURCE = "public-security";
    static final String PERSON_LOOKUP = "direct:public-security.population.lookup";
    static final String IDENTITY_CHECK = "direct:public-security.population.verify-identity";
    private static final String FETCH = "direct:public-security.population.query-person";
    private static final String VERIFY = "direct:public-security.population.call-verify";
    private static final String SERVICE = "cxf:bean:publicSecurityRkxx";
    static final String DELIVERY = "direct:public-security.applications.deliver";
    private static final String SEND = "direct:public-security.applications.submit";
    private static final String DECISIONS = "direct:public-security.applications.fetch-decisions";
    private static final DecisionDialect DIALECT = new DecisionDialect("1", "0", Map.of("ZZBH", "licenceNumber"));

    private static final MappingEngine PERSON_SPEC = MappingEngine.fromClasspath("departments/public-security/person.yaml");

    public PublicSecurityConnector() {
        super(SOURCE);
    }

    /** What the core finds it by: its endpoints, checked against its description. */
    static ConnectorDescriptor descriptor() {
        return ConnectorDescriptions.of(SOURCE).descriptor(Map.of(
                Capability.PERSON_LOOKUP, PERSON_LOOKUP,
                Capability.IDENTITY_CHECK, IDENTITY_CHECK,
                Capability.SUBMISSION_DELIVERY, DELIVERY,
                Capability.DECISION_FEED, DECISIONS));
    }

    @Override
    public void configure() {
        guardedLookup(PERSON_LOOKUP, SubjectType.PERSON, FETCH);

        from(FETCH).routeId("public-security.population.query-person")
                .errorHandler(departmentRedelivery())
                .onException(RkxxFault_Exception.class).handled(true).maximumRedeliveries(0)
                    .process(this::answerFault)
                .end()
                .removeHeaders("*")
                .setHeader(CxfConstants.OPERATION_NAME, constant("QueryPerson"))
                .process(e -> e.getMessage().setBody(List.of(e.getMessage().getBody(String.class))))
                .to(SERVICE)
                .process(this::mapRecord);

        guarded(from(IDENTITY_CHECK).routeId("public-security.population.verify-identity"), VERIFY,
                e -> e.getMessage().setBody(IdentityCheckResult.unavailable(SOURCE, failureDetail(e))));

        from(VERIFY).routeId("public-security.population.call-verify")
                .removeHeaders("*")
                .setHeader(CxfConstants.OPERATION_NAME, constant("VerifyIdentity"))
                .process(e -> {
                    IdentityCheckRequest request = e.getMessage().getBody(IdentityCheckRequest.class);
                    e.getMessage().setBody(List.of(request.idNumber(), request.name()));
                })
                .to(SERVICE)
                .process(e -> e.getMessage().setBody(
                        IdentityCheckResult.of(SOURCE, "1".equals(e.getMessage().getBody(String.class)))));

        guardedDelivery(DELIVERY, SEND);
        from(SEND).routeId("public-security.applications.submit")
                .errorHandler(departmentRedelivery())
                .process(e -> {
                    SubmissionDelivery delivery = e.getMessage().getBody(SubmissionDelivery.class);
                    e.getMessage().setBody(List.of(delivery.submission(), delivery.matter(), delivery.applicant(),
                            delivery.formText("name"), delivery.formText("address")));
                })
                .removeHeaders("*")
                .setHeader(CxfConstants.OPERATION_NAME, constant("SubmitApplication"))
                .to(SERVICE)
                .convertBodyTo(String.class);

        polledDecisions(DECISIONS);
        from(DECISIONS).routeId("public-security.applications.fetch-decisions")
                .errorHandler(departmentRedelivery())
                .process(e -> e.getMessage().setBody(List.of(e.getMessage().getBody(String.class), "500")))
                .removeHeaders("*")
                .setHeader(CxfConstants.OPERATION_NAME, constant("FetchDecisions"))
                .to(SERVICE)
                .process(PublicSecurityConnector::mapDecisions);
    }

    /** The answer's BJJG records, read as the department's other records are: field by field, by their names. */
    private static void mapDecisions(Exchange exchange) {
        List<?> answer = exchange.getMessage().getBody(List.class);
        List<DepartmentDecision> decisions = new ArrayList<>();
        for (Object item : answer.isEmpty() || answer.get(0) == null ? List.of() : (List<?>) answer.get(0)) {
            Bjjg bjjg = (Bjjg) item;
            Map<String, Object> record = new HashMap<>();
            record.put("XH", bjjg.getXH());
            record.put("SQBH", bjjg.getSQBH());
            record.put("SLBH", bjjg.getSLBH());
            record.put("JG", bjjg.getJG());
            record.put("ZZBH", bjjg.getZZBH());
            record.put("BJSJ", bjjg.getBJSJ());
            record.put("YY", bjjg.getYY().stream().map(yy -> Map.of("DM", yy.getDM(), "SM", yy.getSM(), "YJ", yy.getYJ()))
                    .toList());
            decisions.add(DIALECT.decision(SOURCE, record));
        }
        exchange.getMessage().setBody(decisions);
    }

    private void mapRecord(Exchange exchange) {
        Rkxx_Type rkxx = exchange.getMessage().getBody(Rkxx_Type.class);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("GMSFHM", rkxx.getGMSFHM());
        record.put("XM", rkxx.getXM());
        record.put("XBDM", rkxx.getXBDM());
        record.put("MZDM", rkxx.getMZDM());
        record.put("CSRQ", rkxx.getCSRQ());
        record.put("HJDZ", rkxx.getHJDZ());
        record.put("HJDZ_XZQH", rkxx.getHJDZXZQH());
        record.put("RYZT", rkxx.getRYZT());
        exchange.getMessage().setBody(LookupResult.found(PERSON_SPEC.map(record, Instant.now(), SoapResponseDigest.of(exchange))));
    }

    /** NOT_FOUND is an answer; any other fault means the department could not serve the request. */
    private void answerFault(Exchange exchange) {
        RkxxFault_Exception fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RkxxFault_Exception.class);
        String code = fault.getFaultInfo().getFAULTCODE();
        exchange.getMessage().setBody("NOT_FOUND".equals(code)
                ? LookupResult.notFound(SOURCE)
                : LookupResult.unavailable(SOURCE, "fault " + code));
    }
}
