/**
 * A row's activity as a tiny bar strip: plain SVG, since fifty Recharts instances in a
 * table would cost more than the table itself. The label carries the numbers for readers.
 */
export function Sparkline({ values, label, className }: { values: number[]; label: string; className?: string }) {
  const width = 90;
  const height = 22;
  const max = Math.max(1, ...values);
  const step = width / Math.max(1, values.length);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className={className}>
      <title>{label}</title>
      {values.map((v, i) => {
        const h = v === 0 ? 1 : Math.max(2, (v / max) * height);
        return <rect key={i} x={i * step + 0.5} y={height - h} width={Math.max(1, step - 1)} height={h} rx={0.5} className={v === 0 ? "fill-border" : "fill-primary/70"} />;
      })}
    </svg>
  );
}
