// Words for the key lifecycle: grace periods, "expires in …", the clipboard countdown.

export interface GraceChoice {
  hours: number;
  label: string;
}

/** The grace periods Go accepts (backend/keys/replace.go), in hours. */
export const graceChoices: GraceChoice[] = [
  { hours: 0, label: 'Now (the old key stops working at once)' },
  { hours: 1, label: '1 hour' },
  { hours: 24, label: '24 hours' },
  { hours: 168, label: '7 days' },
];

/** The rotation policies Go accepts (backend/org/settings.go), in days; 0 is off. */
export const rotationChoices = [0, 30, 60, 90, 180, 365];

/** Clipboard timeouts offered, in seconds; 0 is never. */
export const clipboardChoices = [0, 10, 20, 30, 45, 60, 120, 300];

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "in 59 minutes", "in 23 hours", "in 6 days", or "now" once the time has come. */
export function inWords(iso: string, now: number = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  if (Number.isNaN(ms)) return iso;
  if (ms <= 0) return 'now';
  const minutes = Math.ceil(ms / 60000);
  if (minutes < 60) return `in ${plural(minutes, 'minute')}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${plural(hours, 'hour')}`;
  return `in ${plural(Math.round(hours / 24), 'day')}`;
}

export function secondsWords(s: number): string {
  if (s === 0) return 'Never (until proofkeys quits)';
  if (s < 60 || s % 60 !== 0) return plural(s, 'second');
  return plural(s / 60, 'minute');
}

export function rotationWords(days: number): string {
  return days === 0 ? 'Off' : `${days} days`;
}
