package io.tongban.sandbox.publicsecurity;

import io.tongban.sandbox.applications.Application;
import io.tongban.sandbox.applications.Decision;
import io.tongban.sandbox.applications.DecisionDesk;
import io.tongban.sandbox.applications.FeedPage;
import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.publicsecurity.generated.Bjjg;
import io.tongban.sandbox.publicsecurity.generated.Rkxx;
import io.tongban.sandbox.publicsecurity.generated.RkxxFault;
import io.tongban.sandbox.publicsecurity.generated.RkxxFault_Exception;
import io.tongban.sandbox.publicsecurity.generated.Rkxx_Type;
import io.tongban.sandbox.publicsecurity.generated.Yy;
import io.tongban.sandbox.seed.IdentityNumbers;
import io.tongban.sandbox.seed.Person;
import jakarta.jws.WebService;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.Soap11;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The population information service, implementing the port type generated from rkxx.wsdl: lookups, and
 * residence-permit applications with their decision feed.
 */
@WebService(serviceName = "RkxxService", portName = "RkxxPort", targetNamespace = "http://ga.sandbox.tongban.io/rkxx",
        endpointInterface = "io.tongban.sandbox.publicsecurity.generated.Rkxx", wsdlLocation = "classpath:wsdl/rkxx.wsdl")
final class RkxxEndpoint implements Rkxx {

    private static final Logger LOG = LoggerFactory.getLogger(RkxxEndpoint.class);

    private final Map<String, Person> persons;
    private final SystemKnobs knobs;
    private final DecisionDesk desk;

    RkxxEndpoint(Map<String, Person> persons, SystemKnobs knobs, DecisionDesk desk) {
        this.persons = persons;
        this.knobs = knobs;
        this.desk = desk;
    }

    @Override
    public Rkxx_Type queryPerson(String gmsfhm) throws RkxxFault_Exception {
        misbehave();
        String number = validNumber(gmsfhm);
        Person person = persons.get(number);
        if (person == null) {
            LOG.debug("QueryPerson {}: not found", IdentityNumbers.mask(number));
            throw fault("NOT_FOUND", "no population record for this GMSFHM");
        }
        LOG.debug("QueryPerson {}: found", IdentityNumbers.mask(number));
        Rkxx_Type rkxx = new Rkxx_Type();
        rkxx.setGMSFHM(person.identityNumber());
        rkxx.setXM(person.name());
        rkxx.setXBDM(person.genderCode());
        rkxx.setMZDM(person.ethnicityCode());
        rkxx.setCSRQ(person.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        rkxx.setHJDZ(person.address());
        rkxx.setHJDZXZQH(person.addressDivision());
        rkxx.setRYZT(person.status());
        return rkxx;
    }

    /** Answers "1" only for a known number with exactly this name; never says whether the number exists. */
    @Override
    public String verifyIdentity(String gmsfhm, String xm) throws RkxxFault_Exception {
        misbehave();
        Person person = persons.get(validNumber(gmsfhm));
        boolean consistent = person != null && xm != null && person.name().equals(xm.trim());
        return consistent ? "1" : "0";
    }

    /** Blank SQBH or SXBM is a BAD_REQUEST fault; GMSFHM is judged in the decision, not here. */
    @Override
    public String submitApplication(String sqbh, String sxbm, String gmsfhm, String xm, String jzdz)
            throws RkxxFault_Exception {
        misbehave();
        Map<String, String> fields = new HashMap<>();
        fields.put("GMSFHM", gmsfhm);
        fields.put("XM", xm);
        fields.put("JZDZ", jzdz);
        try {
            return desk.receive(new Application(sqbh, sxbm, fields));
        } catch (IllegalArgumentException e) {
            throw fault("BAD_REQUEST", e.getMessage());
        }
    }

    @Override
    public List<Bjjg> fetchDecisions(String zxxh, String zdts) throws RkxxFault_Exception {
        misbehave();
        FeedPage page;
        try {
            page = FeedPage.capped(zxxh, zdts);
        } catch (IllegalArgumentException e) {
            throw fault("BAD_REQUEST", e.getMessage());
        }
        return desk.after(page.after(), page.limit()).stream().map(RkxxEndpoint::bjjg).toList();
    }

    private static Bjjg bjjg(Decision decision) {
        Bjjg bjjg = new Bjjg();
        bjjg.setXH(Long.toString(decision.sequence()));
        bjjg.setSQBH(decision.application().number());
        bjjg.setSLBH(decision.receipt());
        bjjg.setJG(decision.approved() ? "1" : "0");
        for (Decision.Reason reason : decision.reasons()) {
            Yy yy = new Yy();
            yy.setDM(reason.code());
            yy.setSM(reason.text());
            yy.setYJ(reason.legalBasis());
            bjjg.getYY().add(yy);
        }
        bjjg.setZZBH(decision.results().get("ZZBH"));
        bjjg.setBJSJ(decision.decidedAt().toString());
        return bjjg;
    }

    private void misbehave() {
        knobs.delay();
        if (knobs.shouldFail()) {
            throw new SoapFault("INTERNAL_ERROR: simulated failure of the public security system",
                    Soap11.getInstance().getReceiver());
        }
    }

    private static String validNumber(String gmsfhm) throws RkxxFault_Exception {
        String number = gmsfhm == null ? "" : gmsfhm.trim();
        if (number.isEmpty()) {
            throw fault("BAD_REQUEST", "GMSFHM is empty");
        }
        if (!IdentityNumbers.isValid(number)) {
            throw fault("BAD_REQUEST", "GMSFHM is not an 18-character identity number with a valid check character");
        }
        return number;
    }

    private static RkxxFault_Exception fault(String code, String message) {
        RkxxFault info = new RkxxFault();
        info.setFAULTCODE(code);
        info.setFAULTMSG(message);
        return new RkxxFault_Exception(code + ": " + message, info);
    }
}
