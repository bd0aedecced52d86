/**
 * One line pictogram per trade (shared/occupations.ts): simple, high-contrast strokes in
 * the current text colour, drawn the same on every kiosk (no emoji, no icon font).
 */
import type { ReactNode } from 'react';
import type { OccupationCode } from '../../shared/occupations';

const SHAPES: Record<OccupationCode, ReactNode> = {
  // hard hat
  construction: (
    <>
      <path d="M10 44h44" />
      <path d="M14 44v-6a18 18 0 0 1 36 0v6" />
      <path d="M28 21v-5h8v5" />
      <path d="M32 26v12" />
    </>
  ),
  // box on a hand truck
  moving: (
    <>
      <path d="M14 10h6l8 36" />
      <rect x="30" y="20" width="20" height="20" rx="2" />
      <path d="M28 46h24" />
      <circle cx="30" cy="52" r="4" />
    </>
  ),
  // parcel with speed lines
  delivery: (
    <>
      <rect x="26" y="18" width="28" height="26" rx="2" />
      <path d="M26 28h28M40 18v10" />
      <path d="M8 24h12M12 32h10M8 40h12" />
    </>
  ),
  // steering wheel
  driving: (
    <>
      <circle cx="32" cy="32" r="22" />
      <circle cx="32" cy="32" r="6" />
      <path d="M10 30h16M38 30h16M32 38v16" />
    </>
  ),
  // broom
  cleaning: (
    <>
      <path d="M42 8L30 32" />
      <path d="M22 30l16 8-6 18H12z" />
      <path d="M20 44l-2 10M26 46l-2 8" />
    </>
  ),
  // bowl and chopsticks
  catering: (
    <>
      <path d="M10 34h44a22 18 0 0 1-44 0z" />
      <path d="M24 52h16" />
      <path d="M30 28l16-20M36 28l16-16" />
    </>
  ),
  // shopping bag
  retail: (
    <>
      <path d="M14 22h36l-3 32H17z" />
      <path d="M24 26v-8a8 8 0 0 1 16 0v8" />
    </>
  ),
  // wrench
  repair: (
    <>
      <path d="M40 10a12 12 0 0 0-11 16L10 45a5 5 0 0 0 7 7l19-19a12 12 0 0 0 16-11l-7 4-6-4v-7z" />
    </>
  ),
  // factory with saw-tooth roof and chimney
  factory: (
    <>
      <path d="M8 54V30l14 8v-8l14 8v-8l14 8V10h6v44z" />
      <path d="M16 46h6M28 46h6M40 46h6" />
    </>
  ),
  // heart held by a hand
  care: (
    <>
      <path d="M32 34l-12-12a7 7 0 0 1 12-8 7 7 0 0 1 12 8z" />
      <path d="M8 44h10l8 4h12a4 4 0 0 0 0-8H28" />
      <path d="M38 44l12-6a4 4 0 0 1 4 6L40 54H8" />
    </>
  ),
  // board with a pointer
  teaching: (
    <>
      <rect x="8" y="10" width="48" height="32" rx="2" />
      <path d="M18 22h20M18 30h12" />
      <path d="M24 42l-6 12M40 42l6 12" />
    </>
  ),
  // phone on a stand with a play mark
  media: (
    <>
      <rect x="20" y="6" width="24" height="40" rx="4" />
      <path d="M29 20v12l9-6z" />
      <path d="M32 46v8M22 56h20" />
    </>
  ),
  // document with lines
  office: (
    <>
      <path d="M16 8h22l10 10v38H16z" />
      <path d="M38 8v10h10" />
      <path d="M22 28h20M22 36h20M22 44h14" />
    </>
  ),
  // sprout
  farming: (
    <>
      <path d="M32 56V30" />
      <path d="M32 34c-14 0-20-8-20-18 12 0 20 6 20 18z" />
      <path d="M32 30c0-10 6-16 18-16 0 10-6 16-18 16z" />
      <path d="M16 56h32" />
    </>
  ),
  // four squares
  other: (
    <>
      <rect x="10" y="10" width="18" height="18" rx="3" />
      <rect x="36" y="10" width="18" height="18" rx="3" />
      <rect x="10" y="36" width="18" height="18" rx="3" />
      <rect x="36" y="36" width="18" height="18" rx="3" />
    </>
  ),
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

export function Pictogram({ code, size = 64 }: { code: OccupationCode; size?: number }) {
  return (
    <LineIcon className="pictogram" size={size}>
      {SHAPES[code]}
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
