package io.tongban.security.cli;

import io.tongban.security.cms.VerificationReport;

import java.io.PrintStream;

/** Prints a verification report as aligned "field: value" lines for people at a terminal. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(VerificationReport report, PrintStream out) {
        line(out, "verdict", report.verdict());
        if (!report.isValid()) {
            line(out, "reason", report.reasonCode() + " - " + report.reason());
        }
        line(out, "profile", report.profile());
        line(out, "algorithms", report.digestAlgorithm() + " / " + report.signatureAlgorithm());
        line(out, "digest matches", report.digestMatches());
        line(out, "signature valid", report.signatureValid());
        if (report.signer() != null) {
            line(out, "signer", report.signer().subject());
            line(out, "serial", report.signer().serialNumber());
            line(out, "credit code", report.signer().creditCode());
        }
        line(out, "chain trusted", report.chainTrusted());
        for (String certificate : report.chain()) {
            line(out, "  chain", certificate);
        }
        line(out, "signing time", report.signingTime());
        line(out, "timestamp", report.timestampTime());
        line(out, "timestamp authority", report.timestampAuthority());
        line(out, "validated at", report.validationTime());
        line(out, "certificates valid", report.certificateValidAtTime());
        if (report.revocation() != null) {
            line(out, "revocation", report.revocation().revokedAt() == null ? report.revocation().state()
                    : report.revocation().state() + " at " + report.revocation().revokedAt()
                    + " (" + report.revocation().reason() + ")");
        }
    }

    private static void line(PrintStream out, String field, Object value) {
        out.printf("%-20s %s%n", field + ":", value == null ? "-" : value);
    }
}
