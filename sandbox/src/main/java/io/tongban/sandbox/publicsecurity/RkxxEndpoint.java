package io.tongban.sandbox.publicsecurity;

import io.tongban.sandbox.knobs.SystemKnobs;
import io.tongban.sandbox.publicsecurity.generated.Rkxx;
import io.tongban.sandbox.publicsecurity.generated.RkxxFault;
import io.tongban.sandbox.publicsecurity.generated.RkxxFault_Exception;
import io.tongban.sandbox.publicsecurity.generated.Rkxx_Type;
import io.tongban.sandbox.seed.IdentityNumbers;
import io.tongban.sandbox.seed.Person;
import jakarta.jws.WebService;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.Soap11;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The population information service, implementing the port type generated from rkxx.wsdl. */
@WebService(serviceName = "RkxxService", portName = "RkxxPort", targetNamespace = "http://ga.sandbox.tongban.io/rkxx",
        endpointInterface = "io.tongban.sandbox.publicsecurity.generated.Rkxx", wsdlLocation = "classpath:wsdl/rkxx.wsdl")
final class RkxxEndpoint implements Rkxx {

    private static final Logger LOG = LoggerFactory.getLogger(RkxxEndpoint.class);

    private final Map<String, Person> persons;
    private final SystemKnobs knobs;

    RkxxEndpoint(Map<String, Person> persons, SystemKnobs knobs) {
        this.persons = persons;
        this.knobs = knobs;
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
