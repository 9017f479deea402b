import { useEffect, useId, useRef, useState } from 'react';
import { chartMax, labelEvery, longDay, niceScale, type ChartData } from './transforms';
import './stats.css';

export interface BarChartProps {
  /** A stable name for tests and styles: data-chart="…". */
  name: string;
  title: string;
  chart: ChartData;
  /** Stacked (parts of one whole) or side by side. */
  stacked?: boolean;
  format: (value: number) => string;
  /** Shorter labels for the value axis. */
  formatTick?: (value: number) => string;
}

// The drawing's coordinate system is the figure's own width in CSS pixels (measured), so text
// keeps its size on a phone and on a wide screen; these are user units of the SVG, not CSS.
const FALLBACK_WIDTH = 720;
const H = 240;
const PAD = { top: 12, bottom: 28, start: 72, end: 8 };
const PLOT_H = H - PAD.top - PAD.bottom;
const BAR_GAP = 0.25;

function useWidth() {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useEffect(() => {
    const node = ref.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * A bar chart drawn as SVG, right to left: the first day is at the right and the value axis on
 * the right, as a Hebrew reader expects. Every bar has a tooltip, and the numbers are also in a
 * table for screen readers.
 */
export function BarChart({
  name,
  title,
  chart,
  stacked = false,
  format,
  formatTick,
}: BarChartProps) {
  const id = useId();
  const [figure, W] = useWidth();
  const PLOT_W = W - PAD.start - PAD.end;
  const scale = niceScale(chartMax(chart, stacked));
  const n = Math.max(chart.points.length, 1);
  const slot = PLOT_W / n;
  const barArea = slot * (1 - BAR_GAP);
  const barWidth = stacked ? barArea : barArea / Math.max(chart.series.length, 1);
  const y = (v: number) => PAD.top + PLOT_H - (v / scale.max) * PLOT_H;
  // Right to left: point 0 (the oldest) takes the right-most slot.
  const plotRight = W - PAD.start;
  const slotStart = (i: number) => plotRight - (i + 1) * slot + (slot - barArea) / 2;
  const every = labelEvery(chart.points.length, Math.max(2, Math.floor(PLOT_W / 48)));
  const tick = formatTick ?? format;

  return (
    <figure className="chart" data-chart={name} ref={figure}>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title`}
        direction="ltr"
      >
        <title id={`${id}-title`}>{title}</title>
        {scale.ticks.map((t) => (
          <g key={t}>
            <line className="chart__grid" x1={PAD.end} x2={plotRight} y1={y(t)} y2={y(t)} />
            <text
              className="chart__tick"
              x={W - 4}
              y={y(t)}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {tick(t)}
            </text>
          </g>
        ))}
        {chart.points.map((p, i) => {
          let base = 0;
          const tooltip = `${longDay(p.day)}: ${chart.series
            .map((s, k) => `${s.label} ${format(p.values[k] ?? 0)}`)
            .join(', ')}`;
          return (
            <g key={p.day} className="chart__point" data-day={p.day}>
              <title>{tooltip}</title>
              {/* An invisible full-height target, so a thin or empty day still has a tooltip. */}
              <rect
                className="chart__hit"
                x={plotRight - (i + 1) * slot}
                y={PAD.top}
                width={slot}
                height={PLOT_H}
              />
              {chart.series.map((s, k) => {
                const value = p.values[k] ?? 0;
                if (value <= 0) return null;
                const top = stacked ? y(base + value) : y(value);
                const bottom = stacked ? y(base) : y(0);
                // Side by side, the first series sits at the right (reading order).
                const x = stacked ? slotStart(i) : slotStart(i) + barArea - (k + 1) * barWidth;
                base += value;
                return (
                  <rect
                    key={s.key}
                    className={`chart__bar chart__bar--${s.tone}`}
                    data-series={s.key}
                    data-value={value}
                    x={x}
                    y={top}
                    width={Math.max(barWidth - 1, 1)}
                    height={Math.max(bottom - top, 1)}
                    rx={2}
                  />
                );
              })}
              {i % every === 0 ? (
                <text
                  className="chart__label"
                  x={plotRight - (i + 0.5) * slot}
                  y={H - 8}
                  textAnchor="middle"
                >
                  {p.label}
                </text>
              ) : null}
            </g>
          );
        })}
        <line className="chart__axis" x1={PAD.end} x2={plotRight} y1={y(0)} y2={y(0)} />
      </svg>
      <ul className="chart__legend" aria-hidden="true">
        {chart.series.map((s) => (
          <li key={s.key}>
            <span className={`chart__swatch chart__swatch--${s.tone}`} />
            {s.label}
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">תאריך</th>
            {chart.series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.points.map((p) => (
            <tr key={p.day}>
              <th scope="row">{longDay(p.day)}</th>
              {p.values.map((v, k) => (
                <td key={chart.series[k]?.key ?? k}>{format(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
