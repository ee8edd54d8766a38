package dev.refinery.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BoxPlotTests {

    @Test
    void quartilesInterpolateBetweenTheSortedValues() {
        var plot = BoxPlot.of(List.of(4.0, 1.0, 3.0, 2.0));

        assertThat(plot.lowerQuartile()).isEqualTo(1.75);
        assertThat(plot.median()).isEqualTo(2.5);
        assertThat(plot.upperQuartile()).isEqualTo(3.25);
        assertThat(plot.outliers()).isEmpty();
    }

    @Test
    void valuesBeyondOneAndAHalfBoxesAreOutliers() {
        var plot = BoxPlot.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 100.0));

        assertThat(plot.lowerQuartile()).isEqualTo(3.0);
        assertThat(plot.median()).isEqualTo(5.0);
        assertThat(plot.upperQuartile()).isEqualTo(7.0);
        assertThat(plot.highWhisker()).isEqualTo(8.0);
        assertThat(plot.lowWhisker()).isEqualTo(1.0);
        assertThat(plot.outliers()).containsExactly(100.0);
        assertThat(plot.max()).isEqualTo(100.0);
    }

    @Test
    void oneValueIsItsOwnBox() {
        var plot = BoxPlot.of(List.of(2.5));

        assertThat(plot.median()).isEqualTo(2.5);
        assertThat(plot.lowerQuartile()).isEqualTo(2.5);
        assertThat(plot.count()).isEqualTo(1);
    }
}
