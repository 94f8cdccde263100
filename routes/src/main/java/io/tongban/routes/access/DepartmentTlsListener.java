package io.tongban.routes.access;

import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.pki.PkiFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * The listener department systems call: TLS 1.2 or 1.3 with a client certificate required and chained to an ECDSA
 * trust anchor of the bus PKI, so that a certificate from any other CA fails the handshake. Beside the main
 * listener, on its own port; behind it the same filters, security and exchange log.
 */
final class DepartmentTlsListener implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();
    private static final String ALIAS = "bus-tls";

    private final Connector connector;

    DepartmentTlsListener(int port, String address, Path certificate, Path privateKey, List<X509Certificate> anchors) {
        this.connector = connector(port, address, keyStore(certificate, privateKey), trustStore(anchors));
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalTomcatConnectors(connector);
    }

    /** The port it listens on, once started (the configured one, or the free one chosen for 0). */
    public int localPort() {
        return connector.getLocalPort();
    }

    private static Connector connector(int port, String address, KeyStore keyStore, KeyStore trustStore) {
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(port);
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        if (address != null && !address.isBlank()) {
            try {
                protocol.setAddress(InetAddress.getByName(address));
            } catch (IOException e) {
                throw new IllegalStateException("server.address " + address + " does not resolve", e);
            }
        }
        SSLHostConfig tls = new SSLHostConfig();
        tls.setProtocols("TLSv1.2+TLSv1.3");
        tls.setCertificateVerification("required");
        tls.setTrustStore(trustStore);
        SSLHostConfigCertificate own = new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.EC);
        own.setCertificateKeystore(keyStore);
        own.setCertificateKeystorePassword(new String(IN_MEMORY));
        own.setCertificateKeyAlias(ALIAS);
        tls.addCertificate(own);
        protocol.addSslHostConfig(tls);
        return connector;
    }

    private static KeyStore keyStore(Path certificate, Path privateKey) {
        try {
            List<X509Certificate> chain = PkiFiles.readCertificates(certificate);
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                    new PKCS8EncodedKeySpec(PemKeys.der(Files.readString(privateKey))));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, IN_MEMORY, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the mutual-TLS listener's certificate " + certificate
                    + " and key " + privateKey + " (PEM; the key as PKCS#8 \"PRIVATE KEY\", EC)", e);
        }
    }

    private static KeyStore trustStore(List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (X509Certificate anchor : anchors) {
                if (SignatureAlgorithm.ofKeyOrNull(anchor) == SignatureAlgorithm.ECDSA_P256_SHA256) {
                    store.setCertificateEntry("anchor-" + n++, anchor);
                }
            }
            if (n == 0) {
                throw new IllegalStateException("the bus PKI has no ECDSA trust anchor for client certificates");
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the trust store of the mutual-TLS listener", e);
        }
    }
}
