import type { ReactNode } from 'react';

/** Colour family of a badge; each pairs a text and background colour above 4.5:1. */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'outline';

/**
 * A short status label. The meaning is always carried by the text; the colour only repeats it
 * (RGAA / WCAG 1.4.1: information must not rely on colour alone).
 */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
