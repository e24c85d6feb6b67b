/** The tables of a scenario's page: allocation by commune, posts by employer, equipment, data and their sources. */
import type { ScenarioDetailDto, ScenarioFiguresDto } from '../../../../shared/scenarios/api.js';
import { OVERRIDE_FIELD_LABELS, isMoneyField, type OverrideField } from '../../../../shared/scenarios/model.js';
import { Badge } from '../../ui/Badge';
import { Delta, Euros, Missing, Pct, fmtNum, formatEuros } from './format';
import { sm } from './messages';

/** The tableau de répartition: each commune's contribution, its delta, per inhabitant, share of AC and revenue. */
export function AllocationTable({ figures }: { figures: ScenarioFiguresDto }) {
  const a = figures.allocation;
  if (!a) return <p className="muted">{sm.detail.noAllocation}</p>;
  const imputation = a.financingMode === 'imputation_ac';
  return (
    <div className="table-wrap">
      <table className="table table-compact scn-wrap-head" data-testid="allocation-table">
        <caption className="visually-hidden">{sm.detail.allocation}</caption>
        <thead>
          <tr>
            <th scope="col">{sm.cols.commune}</th>
            <th scope="col" className="num">{sm.cols.contribution}</th>
            <th scope="col" className="num">{sm.cols.share}</th>
            <th scope="col" className="num">{sm.cols.currentSpending}</th>
            <th scope="col" className="num">{sm.cols.delta}</th>
            <th scope="col" className="num">{sm.cols.perInhabitant}</th>
            <th scope="col" className="num">{sm.cols.pctAc}</th>
            <th scope="col" className="num">{sm.cols.pctRrf}</th>
            {imputation ? <th scope="col" className="num">{sm.cols.acAfter}</th> : null}
          </tr>
        </thead>
        <tbody>
          {a.communes.map((c) => (
            <tr key={c.insee}>
              <th scope="row">{c.name}</th>
              <td className="num">{formatEuros(c.contributionCents, true)}</td>
              <td className="num">{fmtNum(c.sharePct)} %</td>
              <td className="num"><Euros cents={c.currentSpendingCents} /></td>
              <td className="num"><Delta cents={c.deltaCents} compact /></td>
              <td className="num"><Euros cents={c.costPerInhabitantCents} precise /></td>
              <td className="num"><Pct value={c.pctOfAc} /></td>
              <td className="num"><Pct value={c.pctOfOperatingRevenue} /></td>
              {imputation ? <td className="num"><Euros cents={c.acAfterCents} /></td> : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{sm.cols.total}</th>
            <td className="num">{formatEuros(a.totalCents, true)}</td>
            <td className="num">100 %</td>
            <td colSpan={imputation ? 6 : 5} />
          </tr>
        </tfoot>
      </table>
      <p className="muted">{sm.detail.allocationRule}</p>
    </div>
  );
}

/** Posts grouped by employer: the EPCI first, then each commune, so the mix of community and communal staff shows. */
export function PostsTable({ scenario }: { scenario: ScenarioDetailDto }) {
  const name = (id: string | null) => scenario.communes.find((c) => c.communeId === id)?.name ?? '—';
  const groups = [
    { key: 'epci', label: sm.employer.epci, posts: scenario.posts.filter((p) => p.employer === 'epci') },
    ...[...new Set(scenario.posts.filter((p) => p.employer === 'commune').map((p) => p.communeId))].map((id) => ({
      key: id ?? '', label: `${sm.employer.commune} — ${name(id)}`, posts: scenario.posts.filter((p) => p.employer === 'commune' && p.communeId === id),
    })),
  ].filter((g) => g.posts.length);
  if (!groups.length) return <p className="muted">—</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact" data-testid="posts-table">
        <caption className="visually-hidden">{sm.detail.posts}</caption>
        <thead>
          <tr>
            <th scope="col">{sm.cols.post}</th>
            <th scope="col">{sm.cols.category}</th>
            <th scope="col" className="num">{sm.cols.count}</th>
            <th scope="col" className="num">{sm.cols.etpPerPost}</th>
            <th scope="col" className="num">{sm.cols.loadedCost}</th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.key}>
            <tr className="scn-group-row">
              <th scope="rowgroup" colSpan={5}>
                {g.label} — {fmtNum(g.posts.reduce((a, p) => a + p.count * p.etpPerPost, 0))} ETP
              </th>
            </tr>
            {g.posts.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.label}</th>
                <td>{p.category ?? '—'}</td>
                <td className="num">{p.count}</td>
                <td className="num">{fmtNum(p.etpPerPost)}</td>
                <td className="num">{formatEuros(p.loadedCostCents)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Equipment kept, shared or closed. */
export function EquipmentTable({ scenario }: { scenario: ScenarioDetailDto }) {
  if (!scenario.equipment.length) return <p className="muted">{sm.detail.noEquipment}</p>;
  const communeName = (id: string) => scenario.communes.find((c) => c.communeId === id)?.name ?? '';
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <caption className="visually-hidden">{sm.detail.equipment}</caption>
        <thead>
          <tr>
            <th scope="col">{sm.cols.equipment}</th>
            <th scope="col">{sm.cols.commune}</th>
            <th scope="col">{sm.cols.fate}</th>
          </tr>
        </thead>
        <tbody>
          {scenario.equipment.map((e) => (
            <tr key={e.equipmentId}>
              <th scope="row">{e.label}</th>
              <td>{communeName(e.communeId)}</td>
              <td>
                <Badge tone={e.fate === 'ferme' ? 'warning' : e.fate === 'partage' ? 'info' : 'neutral'}>{sm.fate[e.fate]}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const SOURCE_FIELDS: OverrideField[] = ['population', 'currentOperatingCents', 'currentRevenueCents', 'usageUnits', 'acCents', 'operatingRevenueCents'];

/** Each commune's figures with where they come from; hand-entered ones show their source. */
export function SourcesTable({ figures }: { figures: ScenarioFiguresDto }) {
  return (
    <div className="table-wrap">
      <table className="table table-compact scn-wrap-head" data-testid="sources-table">
        <caption className="visually-hidden">{sm.detail.sources}</caption>
        <thead>
          <tr>
            <th scope="col">{sm.cols.commune}</th>
            {SOURCE_FIELDS.map((f) => (
              <th scope="col" className="num" key={f}>{OVERRIDE_FIELD_LABELS[f]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.communes.map((c) => (
            <tr key={c.communeId}>
              <th scope="row">{c.name}</th>
              {SOURCE_FIELDS.map((f) => {
                const v = c[f];
                const src = c.sources[f];
                return (
                  <td className="num" key={f}>
                    {v === null ? <Missing /> : isMoneyField(f) ? formatEuros(v) : fmtNum(v)}
                    {src === 'saisie' ? (
                      <span className="cell-sub" title={c.overrideSources[f]}>
                        {sm.source.saisie} : {c.overrideSources[f] ?? ''}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
