package io.tongban.routes;

import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.SignatureSettings;
import io.tongban.security.pki.BusPki;
import io.tongban.security.pki.CertificateAuthority;
import io.tongban.security.pki.CreditCode;
import io.tongban.security.pki.Department;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A second, real PKI: another region's (Guangzhou's) licence authorities, whose market supervision signs business
 * licences that the bus under test recognises through its configured trust anchors, and a third PKI it does not.
 */
public final class OtherRegionPki {

    public static final String REGION = "guangzhou";
    public static final String MARKET = "gz-market-supervision";
    public static final Department MARKET_DEPARTMENT = new Department(MARKET, "广州市市场监督管理局", "企业登记",
            CreditCode.complete("11440100MB0000015"));
    private static final char[] PASSWORD = "other-region".toCharArray();

    private static SignatureService recognised;
    private static SignatureService unrecognised;

    private OtherRegionPki() {
    }

    /** The CA files of the recognised region, under the test data directory. */
    public static synchronized Path directory() {
        signatures();
        return TestSandbox.dataDir().resolve("other-region/recognised");
    }

    /** Signs as the recognised region's departments. */
    public static synchronized SignatureService signatures() {
        if (recognised == null) {
            recognised = create(TestSandbox.dataDir().resolve("other-region/recognised"), "Guangzhou Licence");
        }
        return recognised;
    }

    /** Signs as a region the bus is not configured to trust. */
    public static synchronized SignatureService unrecognisedSignatures() {
        if (unrecognised == null) {
            unrecognised = create(TestSandbox.dataDir().resolve("other-region/unrecognised"), "Nowhere Licence");
        }
        return unrecognised;
    }

    private static SignatureService create(Path directory, String operator) {
        Clock clock = Clock.systemUTC();
        CertificateAuthority ca = CertificateAuthority.create(SignatureAlgorithm.SM2_SM3, directory, PASSWORD, clock,
                operator);
        ca.issue(MARKET_DEPARTMENT);
        ca.issue(new Department(Department.TSA, "广州市政务服务数据管理局", "时间戳服务",
                CreditCode.complete("11440100MB0000023")));
        return new SignatureService(BusPki.ofAuthorities(List.of(ca), clock), SignatureSettings.defaults(), clock);
    }
}
