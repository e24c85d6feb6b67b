import { useState, type ReactNode } from 'react';

/**
 * A native `<details>` whose content is mounted only once opened, so that what it holds (an audit query, a long
 * form) costs nothing until asked for. Native details/summary is keyboard and screen-reader friendly as is.
 */
export function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? <div className="disclosure-body">{children}</div> : null}
    </details>
  );
}
