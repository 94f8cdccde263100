package io.tongban.routes.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.SignatureService;
import io.tongban.security.pki.BusPki;
import io.tongban.security.transparency.CheckpointSigner;
import io.tongban.security.transparency.CheckpointVerifier;
import io.tongban.security.transparency.MerkleHash;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The exchange log's parts: its hash, its writer, its recording point in front of the API, its checkpoint key. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    MerkleHash auditHash(AuditProperties properties, JdbcTemplate jdbc) {
        MerkleHash hash = MerkleHash.fromName(properties.hashAlgorithm());
        try {
            jdbc.update("INSERT INTO audit_head (id, hash_algorithm, tree_size, peaks, checkpoint_size)"
                    + " VALUES (1, ?, 0, ?, 0)", hash.algorithmName(), new byte[0]);
        } catch (DuplicateKeyException existing) {
            String kept = jdbc.queryForObject("SELECT hash_algorithm FROM audit_head WHERE id = 1", String.class);
            if (!hash.algorithmName().equals(kept)) {
                throw new IllegalStateException("bus.audit.hash-algorithm is " + hash.algorithmName()
                        + " but the exchange log in this database is a " + kept + " tree; a log keeps its hash for life");
            }
        }
        return hash;
    }

    @Bean
    SubjectHasher subjectHasher(AuditProperties properties) {
        return SubjectHasher.fromKeyFile(Path.of(properties.subjectKeyFile()));
    }

    /**
     * The writer's own connection, outside the shared pool: exchanges wait for the writer while they hold pooled
     * connections (their state commits only once their entry is durable), so a writer borrowing from that pool would
     * starve behind the very exchanges waiting for it.
     */
    @Bean(destroyMethod = "close")
    WriterConnection exchangeLogWriterConnection(DataSourceProperties dataSource) {
        HikariDataSource connection = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        connection.setPoolName("exchange-log-writer");
        connection.setMaximumPoolSize(1);
        return new WriterConnection(connection);
    }

    /** Not a DataSource bean, so that the application's own pool is still configured as usual. */
    record WriterConnection(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }

    /**
     * With the embedded H2 file database, which no other process can open, appends go to a journal and reach the tables
     * in the background; with any other database, which several nodes may share, each batch is a transaction of its own.
     */
    @Bean
    ExchangeLogWriter exchangeLogWriter(WriterConnection connection, MerkleHash auditHash, AuditProperties properties,
                                        DataSourceProperties dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(connection.dataSource());
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(connection.dataSource()));
        JournalApplier journal = dataSource.determineUrl().startsWith("jdbc:h2:file:")
                ? new JournalApplier(new ExchangeLogJournal(Path.of(properties.journalDirectory())), jdbc, transactions,
                        auditHash, properties.applyInterval(), properties.applyBatch(), properties.appendTimeout())
                : null;
        // journaled, a writer's batch goes into the tables as one transaction: it is as large as such a transaction
        return new ExchangeLogWriter(jdbc, transactions, auditHash,
                journal == null ? properties.maxBatch() : properties.applyBatch(), journal, properties.appendTimeout());
    }

    @Bean
    ExchangeLog exchangeLog(ExchangeLogWriter writer, AuditProperties properties, Environment environment) {
        if (!properties.enabled() && !Arrays.asList(environment.getActiveProfiles()).contains("bench")) {
            throw new IllegalStateException("bus.audit.enabled=false is only for measuring the log's cost under the"
                    + " 'bench' profile: the bus never serves unlogged exchanges");
        }
        return new ExchangeLog(writer, properties.appendTimeout(), properties.enabled());
    }

    /** Before Spring Security (order -100), so that refusals are logged too; after the readiness gate. */
    @Bean
    FilterRegistrationBean<ExchangeLogFilter> exchangeLogFilter(ExchangeLog log, SubjectHasher hasher, ObjectMapper json,
            @Value("${bus.api.max-body-size}") DataSize maxBody,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> operations) {
        FilterRegistrationBean<ExchangeLogFilter> registration = new FilterRegistrationBean<>(
                new ExchangeLogFilter(log, hasher, json, (int) maxBody.toBytes(), operations));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 200);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * The log's readers (auditors, access reports) see every entry acknowledged before they asked; those of a part of
     * the tree or of its checkpoints wait in {@link AuditController} only as far as they read.
     */
    @Bean
    WebMvcConfigurer readableLog(ExchangeLog log) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ReadableLogInterceptor(log))
                        .addPathPatterns("/api/v1/audit/**", "/api/v1/access-reports/**")
                        .excludePathPatterns("/api/v1/audit/checkpoint", "/api/v1/audit/checkpoints",
                                "/api/v1/audit/entries/*", "/api/v1/audit/proofs/**");
            }
        };
    }

    @Bean
    CheckpointVerifier checkpointVerifier(BusPki pki, AuditProperties properties) {
        return new CheckpointVerifier(pki.trustStore(), pki.revocationChecker(), properties.signer(), Clock.systemUTC());
    }

    @Bean
    CheckpointSigner checkpointSigner(SignatureService signatures, AuditProperties properties) {
        return new CheckpointSigner(signatures, properties.signer(), SignatureAlgorithm.fromId(properties.signatureAlgorithm()));
    }
}
