import type { ActivityView } from '../../../../shared/admin/views.js';
import { barChart, latencyOf, tokensOf } from './chart-geometry.js';

const WIDTH = 600;
const HEIGHT = 80;
const COUNT = 60;

interface Props {
  readonly records: readonly ActivityView[];
}

function Chart({
  title,
  unit,
  records,
  measure,
}: Props & {
  readonly title: string;
  readonly unit: string;
  readonly measure: (r: ActivityView) => number | null;
}) {
  const { bars, max } = barChart(records, measure, { width: WIDTH, height: HEIGHT, count: COUNT });
  return (
    <figure className="chart">
      <figcaption>
        {title} (last {Math.min(COUNT, records.length)}, max {Math.round(max)} {unit})
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title} per request`}>
        <line className="chart-axis" x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} />
        {bars.map((bar) => (
          <rect
            key={bar.id}
            className={bar.failed ? 'chart-bar chart-bar-failed' : 'chart-bar'}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
          />
        ))}
      </svg>
    </figure>
  );
}

/** Inline SVG (no chart library, nothing against the CSP): latency and tokens per request. */
export function ActivityChart({ records }: Props) {
  if (records.length === 0) return null;
  return (
    <div className="charts">
      <Chart title="Latency" unit="ms" records={records} measure={latencyOf} />
      <Chart title="Tokens in + out" unit="tokens" records={records} measure={tokensOf} />
    </div>
  );
}
