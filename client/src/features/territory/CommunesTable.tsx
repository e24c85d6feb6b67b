import type { CommuneDto } from '../../../../shared/api/types.js';
import { messages } from '../../i18n/messages';
import { formatNumber } from '../../i18n/format';
import { Badge } from '../../ui/Badge';

/** Member communes first (largest first), then the communes associated from outside the EPCI. */
export function sortCommunes(communes: CommuneDto[]): CommuneDto[] {
  return [...communes].sort(
    (a, b) => Number(b.member) - Number(a.member) || (b.population ?? -1) - (a.population ?? -1) || a.name.localeCompare(b.name, 'fr'),
  );
}

/** The communes of a territory as a data table; it is also the text alternative of the population chart. */
export function CommunesTable({ communes }: { communes: CommuneDto[] }) {
  const m = messages.territory;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="communes-caption">
      <table className="table">
        <caption id="communes-caption" className="visually-hidden">
          {m.communesCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.colName}</th>
            <th scope="col" className="only-wide">
              {m.colInsee}
            </th>
            <th scope="col" className="num">
              {m.colPopulation}
            </th>
            <th scope="col" className="only-wide">
              {m.colStatus}
            </th>
          </tr>
        </thead>
        <tbody>
          {sortCommunes(communes).map((c) => (
            <tr key={c.id} data-testid={`commune-${c.inseeCode}`}>
              <th scope="row">
                {c.name}
                {/* On phones the code and the status move under the name so that nothing hides off-screen. */}
                <span className="only-narrow">
                  <span className="cell-sub">{m.inseeShort(c.inseeCode)}</span>
                  <StatusBadge member={c.member} />
                </span>
              </th>
              <td className="mono only-wide">{c.inseeCode}</td>
              <td className="num">{c.population === null ? m.unknownPopulation : formatNumber(c.population)}</td>
              <td className="only-wide">
                <StatusBadge member={c.member} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** « membre de l'EPCI » or « hors EPCI », in words. */
export function StatusBadge({ member }: { member: boolean }) {
  return member ? <Badge tone="info">{messages.common.member}</Badge> : <Badge tone="warning">{messages.common.outside}</Badge>;
}
