package nl.meerwaarde.kpi.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * The parts of one aggregate request for one team and month, per group, as one value of {@code
 * mw_kpi_aggregate.parts}: one row per team and month however many groups (a breakdown per activity has a thousand
 * groups a month), and a year is the sum (for distinct residents: the union) of at most twelve rows per team.
 */
final class KeptParts {
    private static final int FORMAT = 1;

    private KeptParts() {}

    /** One group's part: the amount and number of values, and for distinct residents their set (else null). */
    record Part(BigDecimal amount, long values, RoaringBitmap residents) {
        Part {
            Objects.requireNonNull(amount, "amount");
        }

        static Part of(RoaringBitmap residents) {
            residents.runOptimize();
            long count = residents.getLongCardinality();
            return new Part(BigDecimal.valueOf(count), count, residents);
        }
    }

    static byte[] encode(Map<String, Part> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(parts.size());
            for (Map.Entry<String, Part> entry : parts.entrySet()) {
                Part part = entry.getValue();
                out.writeUTF(entry.getKey());
                out.writeUTF(part.amount().toPlainString());
                out.writeLong(part.values());
                if (part.residents() == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(part.residents().serializedSizeInBytes());
                    part.residents().serialize(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    /** Adds the parts of several months and teams: amounts and counts summed, sets of residents united. */
    static final class Sum {
        private final Map<String, BigDecimal> amounts = new HashMap<>();
        private final Map<String, Long> values = new HashMap<>();
        private final Map<String, RoaringBitmap> residents = new HashMap<>();

        void add(byte[] encoded) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
                int format = in.readUnsignedByte();
                if (format != FORMAT) {
                    throw new IOException("unknown format of kept parts: " + format);
                }
                int groups = in.readInt();
                for (int i = 0; i < groups; i++) {
                    String group = in.readUTF();
                    BigDecimal amount = new BigDecimal(in.readUTF());
                    long count = in.readLong();
                    int length = in.readInt();
                    if (length >= 0) {
                        byte[] set = in.readNBytes(length);
                        RoaringBitmap part = new RoaringBitmap();
                        part.deserialize(ByteBuffer.wrap(set));
                        residents.merge(group, part, (union, more) -> {
                            union.or(more);
                            return union;
                        });
                    } else {
                        amounts.merge(group, amount, BigDecimal::add);
                        values.merge(group, count, Long::sum);
                    }
                }
            }
        }

        Map<String, Partial> partials() {
            Map<String, Partial> partials = new HashMap<>();
            amounts.forEach((group, amount) -> partials.put(group, new Partial(amount, values.get(group))));
            residents.forEach((group, set) -> {
                long count = set.getLongCardinality();
                partials.put(group, new Partial(BigDecimal.valueOf(count), count));
            });
            return partials;
        }
    }
}
