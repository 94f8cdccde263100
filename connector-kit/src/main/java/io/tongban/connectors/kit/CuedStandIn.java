package io.tongban.connectors.kit;

import io.tongban.connectors.DecisionDialect;
import io.tongban.mappings.MappingError;
import io.tongban.mappings.SubjectType;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the stand-ins of described departments share whatever their protocol: the behaviour asked for on cue (the
 * system coming back up when asked to answer again), the applications taken, and the records they serve from the
 * department's folder. Test doubles, built from the folder alone; nothing of the sandbox's demo data is used.
 */
abstract class CuedStandIn implements DepartmentStandIn, AutoCloseable {

    enum Behaviour { NORMAL, SERVER_ERROR, SLOW, GARBAGE, UNKNOWN_CODE, EXTERNAL_ENTITY }

    /** A body in no department's format. */
    static final String GARBAGE = "<<<this is not a record>>> {";

    final DepartmentFolder folder;
    private final AtomicInteger deliveries = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile Duration delay = Duration.ZERO;
    private volatile URI externalEntity;

    CuedStandIn(DepartmentFolder folder) {
        this.folder = folder;
    }

    /** Brings the department's system up again, if it is down. */
    abstract void comeUp();

    /** The behaviour asked for last; a slow one has waited its delay first. */
    Behaviour behaviourAfterDelay() throws InterruptedException {
        Behaviour now = behaviour;
        if (now == Behaviour.SLOW) {
            Thread.sleep(delay.toMillis());
        }
        return now;
    }

    URI externalEntity() {
        return externalEntity;
    }

    @Override
    public int deliveries() {
        return deliveries.get();
    }

    /** Takes an application: its receipt number. */
    String takeDelivery() {
        return "SB" + deliveries.incrementAndGet();
    }

    /** The record of the spec's fixture whose expected error is an unknown code. */
    Map<String, Object> unknownCodeRecord(SubjectType type) {
        return folder.fixtureWithError(type, MappingError.UNKNOWN_CODE.code()).orElseThrow(() ->
                new IllegalStateException(folder.source() + ": add a " + type + " fixture whose expected error is "
                        + MappingError.UNKNOWN_CODE.code() + ", for the stand-in to serve")).record();
    }

    /** A decision record (办结结果) in the department's words. */
    static Map<String, Object> decision(long position, String submission, boolean approve, DecisionDialect dialect) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("XH", Long.toString(position));
        record.put("SQBH", submission);
        record.put("SLBH", "KIT-SL-" + position);
        record.put("JG", approve ? dialect.approved() : dialect.rejected());
        record.put("YY", approve ? List.of()
                : List.of(Map.of("DM", "KIT-01", "SM", "材料不齐", "YJ", "《一网通办》第一条")));
        dialect.results().keySet().forEach(field -> record.put(field, approve ? "KIT-" + field + "-" + position : ""));
        record.put("BJSJ", OffsetDateTime.now().withNano(0).toString());
        return record;
    }

    @Override
    public void answerNormally() {
        behave(Behaviour.NORMAL);
    }

    @Override
    public void answerServerError() {
        behave(Behaviour.SERVER_ERROR);
    }

    @Override
    public void answerAfter(Duration delay) {
        this.delay = delay;
        behave(Behaviour.SLOW);
    }

    @Override
    public void answerGarbage() {
        behave(Behaviour.GARBAGE);
    }

    @Override
    public void answerUnknownCode() {
        behave(Behaviour.UNKNOWN_CODE);
    }

    @Override
    public void answerWithExternalEntity(URI file) {
        externalEntity = file;
        behave(Behaviour.EXTERNAL_ENTITY);
    }

    private void behave(Behaviour next) {
        behaviour = next;
        comeUp();
    }
}
