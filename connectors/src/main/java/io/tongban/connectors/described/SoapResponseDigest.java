package io.tongban.connectors.described;

import io.tongban.connectors.ResponseDigest;
import io.tongban.mappings.RecordDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Digests a SOAP answer over the bytes of the response message as they arrive, without holding them a second
 * time: on the client's IN chain at RECEIVE it wraps the response stream in a {@link DigestInputStream}, which the
 * SOAP stack then reads as usual. Once the answer is unmarshalled, the last phase reads whatever the parser left
 * (trailing white space, if anything) and puts the digest into the response message, whose entries CXF copies into
 * the response context that Camel's CXF producer hands back as a header. A fault answer takes the fault chain and
 * gets no digest; it carries no record either.
 */
final class SoapResponseDigest extends AbstractPhaseInterceptor<Message> {

    private static final Complete COMPLETE = new Complete();

    SoapResponseDigest() {
        super(Phase.RECEIVE);
        // before anything that could read or replace the stream, so that the digest is over the whole message
        addBefore(AttachmentInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        InputStream received = message.getContent(InputStream.class);
        if (received == null) {
            return;
        }
        DigestInputStream digesting = new DigestInputStream(received, RecordDigest.sha256());
        message.setContent(InputStream.class, digesting);
        message.put(DigestInputStream.class, digesting);
        message.getInterceptorChain().add(COMPLETE);
    }

    /** The digest of the SOAP answer to the call just made on this exchange. */
    static String of(Exchange exchange) {
        Map<?, ?> responseContext = exchange.getMessage().getHeader(CxfConstants.RESPONSE_CONTEXT, Map.class);
        Object digest = responseContext == null ? null : responseContext.get(ResponseDigest.PROPERTY);
        if (digest == null) {
            throw new IllegalStateException("no digest of the SOAP answer in the response context");
        }
        return digest.toString();
    }

    /** Reads the rest of the message into the digest and records it, after everything else has read the answer. */
    private static final class Complete extends AbstractPhaseInterceptor<Message> {
        Complete() {
            super(Phase.POST_INVOKE);
        }

        @Override
        public void handleMessage(Message message) {
            DigestInputStream digesting = (DigestInputStream) message.remove(DigestInputStream.class.getName());
            try {
                digesting.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new Fault(e);
            }
            message.put(ResponseDigest.PROPERTY, RecordDigest.of(digesting.getMessageDigest()));
        }
    }
}
