package io.tongban.routes.lookup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tongban.mappings.GoldenRecord;
import io.tongban.mappings.GoldenRecordMerger;
import io.tongban.mappings.SourceRecord;
import io.tongban.mappings.SubjectType;
import java.util.List;

/**
 * Golden records merged once for the same source records. The shared base hands out the same parsed record for a row
 * until the row changes (SourceRecordRepository), so a warm lookup of an unchanged subject merges the very same
 * records again: 5% of its CPU. A merge depends on its records alone, so it is kept by their identity; a changed row is
 * another record and so another key, and nothing kept goes stale.
 */
final class MergedGoldenRecords {

    private final GoldenRecordMerger merger;
    private final Cache<Inputs, GoldenRecord> merged;

    MergedGoldenRecords(GoldenRecordMerger merger, int capacity) {
        this.merger = merger;
        this.merged = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** The merge of records that the shared base holds (and so hands out as the same instances while unchanged). */
    GoldenRecord ofStored(SubjectType type, String subjectId, List<SourceRecord> records) {
        return merged.get(new Inputs(type, subjectId, records), inputs -> merger.merge(type, subjectId, records));
    }

    /** Records compared by identity: equal inputs are the same instances, which the merge cannot tell apart. */
    private record Inputs(SubjectType type, String subjectId, List<SourceRecord> records) {

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Inputs that) || type != that.type || !subjectId.equals(that.subjectId)
                    || records.size() != that.records.size()) {
                return false;
            }
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i) != that.records.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 31 * type.hashCode() + subjectId.hashCode();
            for (SourceRecord record : records) {
                hash = 31 * hash + System.identityHashCode(record);
            }
            return hash;
        }
    }
}
