// Time-series charts on uPlot (served from the dashboard's own webjar). Each chart exposes, as data-points on its
// container, how many time buckets hold live data, so people and tests can tell an empty chart from a live one.
(function () {
  'use strict';

  const PALETTE = ['#2563eb', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#475569'];
  const MARK_COLORS = { ACTIVE: '#16a34a', CANARY: '#f59e0b' };

  class TimeChart {
    /**
     * @param container element the chart fills
     * @param options {yRange: [min, max] | null, format: value => string, minPoints: buckets always shown,
     *   zeroIsData: whether a 0 is a measured value (a CSAT of 0%) rather than a bucket where nothing happened}
     */
    constructor(container, options) {
      this.container = container;
      this.options = options;
      this.plot = null;
      this.signature = null;
      new ResizeObserver(() => this.resize()).observe(container);
    }

    /**
     * Draws xs (epoch seconds) against series [{label, values, color, width, dash}]. Leading buckets without data are
     * left out (down to minPoints), so a dashboard that just started shows its first minute, not ten empty ones.
     */
    update(xs, series) {
      const signature = JSON.stringify(series.map(s => [s.label, s.color, s.width, s.dash]));
      const measured = v => v !== null && v !== undefined && (v !== 0 || this.options.zeroIsData === true);
      const hasData = i => series.some(s => measured(s.values[i]));
      let first = xs.findIndex((x, i) => hasData(i));
      if (first < 0) first = xs.length;
      const start = Math.max(0, Math.min(first, xs.length - (this.options.minPoints || 1)));
      const data = [xs.slice(start), ...series.map(s => s.values.slice(start))];
      if (signature !== this.signature || !this.plot) {
        this.signature = signature;
        this.build(series, data);
      } else {
        this.plot.setData(data);
      }
      let points = 0;
      for (let i = 0; i < xs.length; i++) {
        if (hasData(i)) points++;
      }
      this.container.dataset.points = String(points);
    }

    build(series, data) {
      if (this.plot) {
        this.plot.destroy();
      }
      const format = this.options.format || (v => v);
      const yRange = this.options.yRange;
      const opts = {
        width: this.width(),
        height: this.height(),
        padding: [8, 28, 0, 0],
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
        scales: {
          x: { time: true },
          y: yRange ? { range: () => yRange } : { range: (u, min, max) => [0, Math.max(1, max * 1.15)] }
        },
        axes: [
          { stroke: '#64748b', grid: { stroke: '#eef2f7' }, ticks: { stroke: '#e2e8f0' }, values: timeLabels,
            space: 80 },
          { stroke: '#64748b', grid: { stroke: '#eef2f7' }, ticks: { stroke: '#e2e8f0' }, size: 48,
            values: (u, splits) => splits.map(v => format(v)) }
        ],
        series: [{}].concat(series.map(s => ({
          label: s.label,
          stroke: s.color,
          width: s.width || 2,
          dash: s.dash || undefined,
          spanGaps: false,
          points: { size: 5 },
          value: (u, v) => (v === null || v === undefined ? '–' : format(v))
        })))
      };
      this.plot = new uPlot(opts, data, this.container);
    }

    width() {
      return Math.max(240, this.container.clientWidth);
    }

    height() {
      return window.innerWidth < 700 ? 180 : 220;
    }

    resize() {
      if (this.plot) {
        this.plot.setSize({ width: this.width(), height: this.height() });
      }
    }
  }

  /** 24-hour clock labels for the time axis; seconds only when the ticks are less than a minute apart. */
  function timeLabels(u, splits) {
    const step = splits.length > 1 ? splits[1] - splits[0] : 60;
    return splits.map(ts => {
      const d = new Date(ts * 1000);
      const hh = String(d.getHours()).padStart(2, '0');
      const mm = String(d.getMinutes()).padStart(2, '0');
      return step < 60 ? hh + ':' + mm + ':' + String(d.getSeconds()).padStart(2, '0') : hh + ':' + mm;
    });
  }

  /** Line styles for model versions: the ACTIVE one solid green and thick, the CANARY dashed amber, others thin. */
  function versionStyle(version, mark, index) {
    if (mark === 'ACTIVE') return { color: MARK_COLORS.ACTIVE, width: 3, dash: null };
    if (mark === 'CANARY') return { color: MARK_COLORS.CANARY, width: 3, dash: [8, 4] };
    return { color: PALETTE[index % PALETTE.length], width: 1.5, dash: null };
  }

  window.KefuCharts = { TimeChart, versionStyle, PALETTE };
})();
