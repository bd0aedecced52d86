/**
 * One line pictogram per trade (shared/occupations.ts): simple, high-contrast strokes in
 * the current text colour, drawn the same on every kiosk (no emoji, no icon font).
 */
import type { ReactNode } from 'react';
import type { OccupationCode } from '../../shared/occupations';

/**
 * A stroke of a pictogram on the 64×64 grid: path data, a rectangle `[x, y, width, height, rx]`
 * or a circle `[cx, cy, r]`.
 */
type Stroke =
  | string
  | { rect: readonly [x: number, y: number, width: number, height: number, rx: number] }
  | { circle: readonly [cx: number, cy: number, r: number] };

const SHAPES: Record<OccupationCode, readonly Stroke[]> = {
  // hard hat
  construction: ['M10 44h44', 'M14 44v-6a18 18 0 0 1 36 0v6', 'M28 21v-5h8v5', 'M32 26v12'],
  // box on a hand truck
  moving: ['M14 10h6l8 36', { rect: [30, 20, 20, 20, 2] }, 'M28 46h24', { circle: [30, 52, 4] }],
  // parcel with speed lines
  delivery: [{ rect: [26, 18, 28, 26, 2] }, 'M26 28h28M40 18v10', 'M8 24h12M12 32h10M8 40h12'],
  // steering wheel
  driving: [{ circle: [32, 32, 22] }, { circle: [32, 32, 6] }, 'M10 30h16M38 30h16M32 38v16'],
  // broom
  cleaning: ['M42 8L30 32', 'M22 30l16 8-6 18H12z', 'M20 44l-2 10M26 46l-2 8'],
  // bowl and chopsticks
  catering: ['M10 34h44a22 18 0 0 1-44 0z', 'M24 52h16', 'M30 28l16-20M36 28l16-16'],
  // shopping bag
  retail: ['M14 22h36l-3 32H17z', 'M24 26v-8a8 8 0 0 1 16 0v8'],
  // wrench
  repair: ['M40 10a12 12 0 0 0-11 16L10 45a5 5 0 0 0 7 7l19-19a12 12 0 0 0 16-11l-7 4-6-4v-7z'],
  // factory with saw-tooth roof and chimney
  factory: ['M8 54V30l14 8v-8l14 8v-8l14 8V10h6v44z', 'M16 46h6M28 46h6M40 46h6'],
  // heart held by a hand
  care: [
    'M32 34l-12-12a7 7 0 0 1 12-8 7 7 0 0 1 12 8z',
    'M8 44h10l8 4h12a4 4 0 0 0 0-8H28',
    'M38 44l12-6a4 4 0 0 1 4 6L40 54H8',
  ],
  // board with a pointer
  teaching: [{ rect: [8, 10, 48, 32, 2] }, 'M18 22h20M18 30h12', 'M24 42l-6 12M40 42l6 12'],
  // phone on a stand with a play mark
  media: [{ rect: [20, 6, 24, 40, 4] }, 'M29 20v12l9-6z', 'M32 46v8M22 56h20'],
  // document with lines
  office: ['M16 8h22l10 10v38H16z', 'M38 8v10h10', 'M22 28h20M22 36h20M22 44h14'],
  // sprout
  farming: [
    'M32 56V30',
    'M32 34c-14 0-20-8-20-18 12 0 20 6 20 18z',
    'M32 30c0-10 6-16 18-16 0 10-6 16-18 16z',
    'M16 56h32',
  ],
  // four squares
  other: [
    { rect: [10, 10, 18, 18, 3] },
    { rect: [36, 10, 18, 18, 3] },
    { rect: [10, 36, 18, 18, 3] },
    { rect: [36, 36, 18, 18, 3] },
  ],
};

/** A line drawing on the 64×64 grid in the current text colour, like every kiosk icon. */
export function LineIcon({
  size,
  strokeWidth = 4,
  className,
  children,
}: {
  size: number;
  strokeWidth?: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 64 64"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

function StrokeShape({ stroke }: { stroke: Stroke }) {
  if (typeof stroke === 'string') return <path d={stroke} />;
  if ('rect' in stroke) {
    const [x, y, width, height, rx] = stroke.rect;
    return <rect x={x} y={y} width={width} height={height} rx={rx} />;
  }
  const [cx, cy, r] = stroke.circle;
  return <circle cx={cx} cy={cy} r={r} />;
}

export function Pictogram({ code, size = 64 }: { code: OccupationCode; size?: number }) {
  return (
    <LineIcon className="pictogram" size={size}>
      {SHAPES[code].map((stroke, i) => (
        <StrokeShape key={i} stroke={stroke} />
      ))}
    </LineIcon>
  );
}

/** A magnifying glass: finding postings. */
export function SearchIcon({ size, strokeWidth }: { size: number; strokeWidth: number }) {
  return (
    <LineIcon size={size} strokeWidth={strokeWidth}>
      <circle cx="27" cy="27" r="16" />
      <path d="M39 39l15 15" />
    </LineIcon>
  );
}

/** A loudspeaker with sound waves: the read-aloud button. */
export function SpeakerIcon({ size = 36 }: { size?: number }) {
  return (
    <LineIcon size={size} strokeWidth={5} className="icon-inline">
      <path d="M8 24h10l14-12v40L18 40H8z" />
      <path d="M40 22c4 5 4 15 0 20M46 14c9 9 9 27 0 36" />
    </LineIcon>
  );
}
