package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** The parts of several months add up: amounts and counts summed, sets of residents united; nothing else is read. */
class KeptPartsTest {
    @Test
    void sumsAmountsAndCountsPerGroupOverMonths() throws IOException {
        Map<String, KeptParts.Part> march = new LinkedHashMap<>();
        march.put("ouderen", new KeptParts.Part(new BigDecimal("12.50"), 3, null));
        march.put("jongeren", new KeptParts.Part(BigDecimal.ZERO, 0, null));
        Map<String, KeptParts.Part> may = Map.of("ouderen", new KeptParts.Part(new BigDecimal("0.25"), 1, null));

        KeptParts.Sum sum = new KeptParts.Sum();
        sum.add(KeptParts.encode(march));
        sum.add(KeptParts.encode(may));
        sum.add(KeptParts.encode(Map.of()));

        assertThat(sum.partials())
                .containsOnlyKeys("ouderen", "jongeren")
                .containsEntry("ouderen", new Partial(new BigDecimal("12.75"), 4))
                .containsEntry("jongeren", new Partial(BigDecimal.ZERO, 0));
    }

    @Test
    void countsAResidentInTwoMonthsOnce() throws IOException {
        KeptParts.Sum sum = new KeptParts.Sum();
        sum.add(KeptParts.encode(Map.of("", KeptParts.Part.of(RoaringBitmap.bitmapOf(1, 2, 70_000)))));
        sum.add(KeptParts.encode(Map.of("", KeptParts.Part.of(RoaringBitmap.bitmapOf(2, 3)))));

        assertThat(sum.partials()).containsExactly(Map.entry("", new Partial(BigDecimal.valueOf(4), 4)));
    }

    @Test
    void refusesAnotherFormat() {
        byte[] encoded = KeptParts.encode(Map.of());
        encoded[0] = 2;
        assertThatThrownBy(() -> new KeptParts.Sum().add(encoded)).isInstanceOf(IOException.class);
    }
}
