package io.tongban.routes.audit;

import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.transparency.LogBundleWriter;
import io.tongban.security.transparency.MerkleHash;
import io.tongban.security.transparency.MerkleProofs;
import io.tongban.security.transparency.NodeSource;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The offline-verifiable bundle of the whole log up to its latest checkpoint: the log's certificates and CRLs, the
 * checkpoints verification checks, the consistency proofs between them, and every entry, streamed as it is read.
 */
@Component
class AuditBundleExport {

    private final AuditRepository repository;
    private final SignatureService signatures;
    private final MerkleHash hash;
    private final AuditProperties properties;

    AuditBundleExport(AuditRepository repository, SignatureService signatures, MerkleHash auditHash,
                      AuditProperties properties) {
        this.repository = repository;
        this.signatures = signatures;
        this.hash = auditHash;
        this.properties = properties;
    }

    void write(HttpServletResponse response) throws IOException {
        List<StoredCheckpoint> checkpoints = repository.checkpointsToVerify();
        response.setContentType("application/x-ndjson");
        response.setHeader("Content-Disposition", "attachment; filename=\"exchange-log-bundle.ndjson\"");
        ExchangeContext exchange = ExchangeContext.current()
                .orElseThrow(() -> new IllegalStateException("a bundle outside an API exchange"));
        try (LogBundleWriter bundle = new LogBundleWriter(exchange.streamAfterRecording())) {
            bundle.header(properties.origin(), hash, logCertificates(), signatures.currentCrls());
            NodeSource nodes = repository.nodes(hash);
            for (int i = 0; i < checkpoints.size(); i++) {
                bundle.checkpoint(checkpoints.get(i).signed());
                if (i > 0) {
                    long from = checkpoints.get(i - 1).size();
                    long to = checkpoints.get(i).size();
                    bundle.consistency(from, to, MerkleProofs.consistency(hash, from, to, nodes));
                }
            }
            long size = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).size();
            repository.streamInOrder(size, entry -> {
                try {
                    bundle.entry(entry.index(), Arrays.copyOf(entry.hashes(), hash.hashLength()), entry.text());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The log's signing certificate and the issuing CAs, so that a relying party can check it to its own anchors. */
    private List<X509Certificate> logCertificates() {
        List<X509Certificate> certificates = new ArrayList<>();
        certificates.add(signatures.certificate(properties.signer(), SignatureAlgorithm.fromId(properties.signatureAlgorithm())));
        certificates.addAll(signatures.issuingCertificates());
        return certificates;
    }
}
