package org.parley.cache.proto;

import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.cache.StatsSnapshot;

/** {@link StatsSnapshot} on the wire; the get-time histogram travels in HdrHistogram's compressed encoding. */
@ProtoAdapter(StatsSnapshot.class)
@ProtoName("StatsSnapshot")
public class StatsSnapshotAdapter {

    @ProtoFactory
    StatsSnapshot create(
            String cache,
            String server,
            long uptime,
            long currItems,
            long totalItems,
            long bytes,
            long cmdGet,
            long cmdSet,
            long getHits,
            long getMisses,
            long evictions,
            long getNanosTotal,
            byte[] getTimes) {
        return new StatsSnapshot(
                cache,
                server,
                uptime,
                currItems,
                totalItems,
                bytes,
                cmdGet,
                cmdSet,
                getHits,
                getMisses,
                evictions,
                getNanosTotal,
                getTimes == null ? new byte[0] : getTimes);
    }

    @ProtoField(1)
    String getCache(StatsSnapshot s) {
        return s.cache();
    }

    @ProtoField(2)
    String getServer(StatsSnapshot s) {
        return s.server();
    }

    @ProtoField(number = 3, defaultValue = "0")
    long getUptime(StatsSnapshot s) {
        return s.uptime();
    }

    @ProtoField(number = 4, defaultValue = "0")
    long getCurrItems(StatsSnapshot s) {
        return s.currItems();
    }

    @ProtoField(number = 5, defaultValue = "0")
    long getTotalItems(StatsSnapshot s) {
        return s.totalItems();
    }

    @ProtoField(number = 6, defaultValue = "0")
    long getBytes(StatsSnapshot s) {
        return s.bytes();
    }

    @ProtoField(number = 7, defaultValue = "0")
    long getCmdGet(StatsSnapshot s) {
        return s.cmdGet();
    }

    @ProtoField(number = 8, defaultValue = "0")
    long getCmdSet(StatsSnapshot s) {
        return s.cmdSet();
    }

    @ProtoField(number = 9, defaultValue = "0")
    long getGetHits(StatsSnapshot s) {
        return s.getHits();
    }

    @ProtoField(number = 10, defaultValue = "0")
    long getGetMisses(StatsSnapshot s) {
        return s.getMisses();
    }

    @ProtoField(number = 11, defaultValue = "0")
    long getEvictions(StatsSnapshot s) {
        return s.evictions();
    }

    @ProtoField(number = 12, defaultValue = "0")
    long getGetNanosTotal(StatsSnapshot s) {
        return s.getNanosTotal();
    }

    @ProtoField(13)
    byte[] getGetTimes(StatsSnapshot s) {
        return s.getTimes();
    }
}
