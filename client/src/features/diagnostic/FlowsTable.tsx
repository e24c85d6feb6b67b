import { USAGE_UNITS, type UsageUnit } from '../../../../shared/diagnostic/vocab.js';
import { OUTSIDE_TERRITORY } from '../../../../shared/diagnostic/schemas.js';
import type { UsageFlow } from './api';
import { communeName, useDiagnostic } from './EditorContext';
import { formatNumber } from './display';
import { dm } from './messages';

/**
 * Who uses whose services: units of each commune's services by commune of residence of the users, per usage unit.
 * The figures a unit-cost allocation key is built from.
 */
export function FlowsTable({ flows }: { flows: UsageFlow[] }) {
  const ctx = useDiagnostic();
  if (!flows.length) return <p className="muted">{dm.flows.empty}</p>;
  const units = [...new Set(flows.map((f) => f.unit ?? 'autre'))];
  return (
    <>
      {units.map((unit) => {
        const rows = flows.filter((f) => (f.unit ?? 'autre') === unit);
        const providers = [...new Set(rows.map((f) => f.serviceCommuneId))];
        const residences = [...new Set(rows.map((f) => f.residence))].sort((a, b) => (a === OUTSIDE_TERRITORY ? 1 : b === OUTSIDE_TERRITORY ? -1 : communeName(ctx, a).localeCompare(communeName(ctx, b), 'fr')));
        const label = USAGE_UNITS[unit as UsageUnit] ?? unit;
        const name = (id: string) => (id === OUTSIDE_TERRITORY ? dm.table.outside : communeName(ctx, id));
        return (
          <div key={unit} className="table-wrap" tabIndex={0} role="region" aria-label={dm.flows.caption(label)}>
            <table className="table table-compact">
              <caption className="diag-flows-caption">{dm.flows.caption(label)}</caption>
              <thead>
                <tr>
                  <th scope="col">{dm.flows.provider}</th>
                  {residences.map((r) => (
                    <th key={r} scope="col" className="num">{name(r)}</th>
                  ))}
                  <th scope="col" className="num">{dm.flows.outsideShare}</th>
                </tr>
              </thead>
              <tbody>
                {providers.map((p) => {
                  const mine = rows.filter((f) => f.serviceCommuneId === p);
                  const total = mine.reduce((a, f) => a + f.units, 0);
                  const others = mine.filter((f) => f.residence !== p).reduce((a, f) => a + f.units, 0);
                  return (
                    <tr key={p}>
                      <th scope="row">{name(p)}</th>
                      {residences.map((r) => {
                        const v = mine.find((f) => f.residence === r)?.units;
                        return <td key={r} className="num">{v === undefined ? '' : formatNumber(v, 0)}</td>;
                      })}
                      <td className="num">{total > 0 ? `${formatNumber((others / total) * 100, 1)} %` : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
