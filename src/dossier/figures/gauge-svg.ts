/**
 * The flight-risk gauge: a half dial from 0 to 100 with a needle at the record's percent,
 * its arc filled in red up to the needle. Built from numbers only.
 */
const INK = '#1d1b18';
const RED = '#a3201b';
const TRACK = '#e4dccb';

function point(cx: number, cy: number, r: number, percent: number): [number, number] {
  const angle = Math.PI * (1 - percent / 100);
  return [Number((cx + r * Math.cos(angle)).toFixed(2)), Number((cy - r * Math.sin(angle)).toFixed(2))];
}

export function gaugeSvg(rawPercent: number): string {
  const percent = Math.max(0, Math.min(100, Number.isFinite(rawPercent) ? rawPercent : 0));
  const cx = 100;
  const cy = 100;
  const r = 80;
  const [sx, sy] = point(cx, cy, r, 0);
  const [ex, ey] = point(cx, cy, r, 100);
  const [px, py] = point(cx, cy, r, percent);
  const ticks = [0, 25, 50, 75, 100]
    .map((tick) => {
      const [ax, ay] = point(cx, cy, r + 11, tick);
      const [bx, by] = point(cx, cy, r + 18, tick);
      return `<path d="M ${ax} ${ay} L ${bx} ${by}"/>`;
    })
    .join('');
  const [nx, ny] = point(cx, cy, r - 8, percent);
  return (
    `<svg class="gauge-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 112" width="200" height="112" aria-hidden="true">` +
    `<path d="M ${sx} ${sy} A ${r} ${r} 0 0 1 ${ex} ${ey}" fill="none" stroke="${TRACK}" stroke-width="18"/>` +
    (percent > 0 ? `<path d="M ${sx} ${sy} A ${r} ${r} 0 0 1 ${px} ${py}" fill="none" stroke="${RED}" stroke-width="18"/>` : '') +
    `<g stroke="${INK}" stroke-width="1.2">${ticks}</g>` +
    `<path d="M ${cx} ${cy} L ${nx} ${ny}" stroke="${INK}" stroke-width="3" stroke-linecap="round"/>` +
    `<circle cx="${cx}" cy="${cy}" r="6" fill="${INK}"/>` +
    `</svg>`
  );
}
