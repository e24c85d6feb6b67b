import type { CommuneDto } from '../../../../shared/api/types.js';
import { messages } from '../../i18n/messages';
import { formatNumber } from '../../i18n/format';
import { sortCommunes } from './CommunesTable';

/**
 * Horizontal bars of population per commune, drawn with plain HTML and CSS (no chart library in the bundle).
 * Hidden from assistive technologies: the communes table carries the same figures, as the caption says.
 */
export function PopulationChart({ communes }: { communes: CommuneDto[] }) {
  const m = messages.territory;
  const rows = sortCommunes(communes).filter((c) => c.population !== null);
  const max = Math.max(1, ...rows.map((c) => c.population ?? 0));
  return (
    <figure className="bar-chart">
      <div aria-hidden="true">
        {rows.map((c) => (
          <div className="bar-row" key={c.id}>
            <span className="bar-label">{c.name}</span>
            <span className="bar-track">
              <span
                className={c.member ? 'bar' : 'bar bar-outside'}
                style={{ width: `${Math.max(0.5, ((c.population ?? 0) / max) * 100)}%` }}
              />
            </span>
            <span className="bar-value">{formatNumber(c.population ?? 0)}</span>
          </div>
        ))}
      </div>
      <figcaption className="muted">
        {m.chartNote} <span className="legend legend-outside">{messages.common.outside}</span>
      </figcaption>
    </figure>
  );
}
