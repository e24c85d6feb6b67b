import { INDICATOR_DEFS } from '../../../../shared/diagnostic/indicator-defs.js';
import type { IndicatorsDto } from './api';
import { useDiagnostic } from './EditorContext';
import { IndicatorValue } from './display';
import { dm } from './messages';

/** Every indicator (rows) for every commune and the whole perimeter (columns). */
export function CommuneIndicatorsTable({ indicators }: { indicators: IndicatorsDto }) {
  const { overview } = useDiagnostic();
  const communes = [...overview.communes].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const byId = new Map(indicators.communes.map((c) => [c.communeId, c]));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Indicateurs par commune">
      <table className="table table-compact diag-indicators">
        <caption className="visually-hidden">Indicateurs par commune et pour l’ensemble des communes</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            {communes.map((c) => (
              <th key={c.id} scope="col" className="num">{c.name}</th>
            ))}
            <th scope="col" className="num">{dm.totals.title}</th>
          </tr>
        </thead>
        <tbody>
          {INDICATOR_DEFS.map((d) => (
            <tr key={d.key}>
              <th scope="row" title={d.formula}>{d.label}</th>
              {communes.map((c) => (
                <td key={c.id} className="num">
                  <IndicatorValue value={byId.get(c.id)?.[d.key] as number | null} unit={d.unit} precise={d.unit === 'cents' && d.key.includes('PerInhabitant')} />
                </td>
              ))}
              <td className="num">
                <strong>
                  <IndicatorValue value={indicators.epci[d.key] as number | null} unit={d.unit} precise={d.unit === 'cents' && d.key.includes('PerInhabitant')} />
                </strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
