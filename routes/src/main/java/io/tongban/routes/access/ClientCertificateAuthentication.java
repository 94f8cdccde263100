package io.tongban.routes.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.routes.api.ErrorCode;
import io.tongban.routes.api.Problems;
import io.tongban.security.pki.CertificateNames;
import io.tongban.security.revocation.RevocationChecker;
import io.tongban.security.revocation.RevocationStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A department system that came through the mutual-TLS listener (its chain already checked against the bus PKI in
 * the handshake) becomes the registered consumer its certificate names, in the DEPARTMENT role, once the current CRL
 * says the certificate stands. Written out rather than Spring's X.509 filter because that one drops the reason of a
 * refusal, and a department's IT team needs to read whether its certificate is unregistered or revoked.
 */
final class ClientCertificateAuthentication extends OncePerRequestFilter {

    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final Set<String> consumers;
    private final RevocationChecker revocation;
    private final ObjectMapper json;
    private final Clock clock;

    ClientCertificateAuthentication(List<String> consumers, RevocationChecker revocation, ObjectMapper json,
                                    Clock clock) {
        this.consumers = Set.copyOf(consumers);
        this.revocation = revocation;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request.getAttribute(CERTIFICATES) instanceof X509Certificate[] certificates) || certificates.length == 0) {
            chain.doFilter(request, response); // the bearer-token listener: no TLS client here
            return;
        }
        X509Certificate client = certificates[0];
        String consumer = CertificateNames.subjectAttribute(client, BCStyle.CN);
        if (consumer == null || !consumers.contains(consumer)) {
            Problems.write(response, json, ErrorCode.UNREGISTERED_CLIENT, "The client certificate of '"
                    + CertificateNames.subject(client) + "' names no registered consumer (bus.access.mutual-tls.consumers)");
            return;
        }
        RevocationStatus status = revocation.statusAt(client, clock.instant());
        if (status.state() == RevocationStatus.State.REVOKED) {
            Problems.write(response, json, ErrorCode.CERTIFICATE_REVOKED, "The client certificate of '" + consumer
                    + "' was revoked at " + status.revokedAt() + " (" + status.reason() + ")");
            return;
        }
        if (status.state() == RevocationStatus.State.UNKNOWN) {
            Problems.write(response, json, ErrorCode.REVOCATION_UNKNOWN, "No current CRL of "
                    + client.getIssuerX500Principal().getName() + " says whether the client certificate stands");
            return;
        }
        var authentication = new PreAuthenticatedAuthenticationToken(consumer, client,
                List.of(new SimpleGrantedAuthority(Role.DEPARTMENT.authority())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
