// Small line icons for chips; decorative only (the words next to them carry the meaning).

const common = {
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  focusable: false,
  className: 'icon',
} as const;

export function CalendarIcon() {
  return (
    <svg {...common}>
      <rect x="2.5" y="3.5" width="11" height="10" rx="2" />
      <path d="M2.5 6.5h11M5.5 2v3M10.5 2v3" />
    </svg>
  );
}

export function RepeatIcon() {
  return (
    <svg {...common}>
      <path d="M3 7V6a2 2 0 0 1 2-2h7l-2-2M13 9v1a2 2 0 0 1-2 2H4l2 2" />
    </svg>
  );
}

export function BellIcon() {
  return (
    <svg {...common}>
      <path d="M4 11V7.5a4 4 0 0 1 8 0V11l1 1.5H3L4 11zM6.5 14h3" />
    </svg>
  );
}

export function PriorityIcon() {
  return (
    <svg {...common}>
      <path d="M4 13V9M8 13V6M12 13V3" />
    </svg>
  );
}

export function StepsIcon() {
  return (
    <svg {...common}>
      <path d="M2.5 13.5h4v-4h4v-4h3" />
    </svg>
  );
}

export function MoonIcon() {
  return (
    <svg {...common}>
      <path d="M12.5 10.5A5.5 5.5 0 0 1 5.5 3.5a5.5 5.5 0 1 0 7 7z" />
    </svg>
  );
}
