import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { TerritoryDto } from '../../../../shared/api/types.js';
import { q } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { formatNumber } from '../../i18n/format';
import { Card } from '../../ui/Card';
import { QueryState } from '../../ui/QueryState';
import { PageError } from '../../ui/PageError';
import { Spinner } from '../../ui/Spinner';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CommunesTable } from './CommunesTable';
import { PartnersList } from './PartnersList';
import { PopulationChart } from './PopulationChart';

/** `/territoire/:territoryId`: identity of the EPCI, its communes (members and outside) and its partners. */
export function TerritoryPage() {
  const { territoryId = '' } = useParams();
  const territory = useQuery(q.territory(territoryId));
  useDocumentTitle(territory.data?.name ?? messages.nav.territory);
  if (territory.isPending) return <Spinner />;
  if (territory.isError) return <PageError error={territory.error} onRetry={() => void territory.refetch()} />;
  const t = territory.data;
  return (
    <>
      <h1>{t.name}</h1>
      <TerritoryFacts territory={t} />
      <TerritoryDetails territoryId={t.id} />
    </>
  );
}

function TerritoryFacts({ territory: t }: { territory: TerritoryDto }) {
  const m = messages.territory;
  return (
    <dl className="stat-grid">
      <div className="stat">
        <dt>{m.nature}</dt>
        <dd>{m.natures[t.nature] ?? t.nature}</dd>
      </div>
      <div className="stat">
        <dt>{m.siren}</dt>
        <dd className="mono">{t.siren}</dd>
      </div>
      <div className="stat">
        <dt>{m.fiscalRegime}</dt>
        <dd>{m.regimes[t.fiscalRegime]}</dd>
      </div>
      <div className="stat">
        <dt>{m.population}</dt>
        <dd>{m.inhabitants(formatNumber(t.population))}</dd>
      </div>
      <div className="stat">
        <dt>{m.memberCount}</dt>
        <dd>{formatNumber(t.memberCount)}</dd>
      </div>
    </dl>
  );
}

function TerritoryDetails({ territoryId }: { territoryId: string }) {
  const m = messages.territory;
  const communes = useQuery(q.communes(territoryId));
  const partners = useQuery(q.partners(territoryId));
  return (
    <div className="territory-grid">
      <Card as="section" aria-labelledby="communes-title" className="territory-communes">
        <h2 id="communes-title">{m.communesTitle}</h2>
        <QueryState query={communes}>{(list) => <CommunesTable communes={list} />}</QueryState>
      </Card>
      <div className="territory-side">
        <Card as="section" aria-labelledby="chart-title">
          <h2 id="chart-title">{m.chartTitle}</h2>
          <QueryState query={communes}>{(list) => <PopulationChart communes={list} />}</QueryState>
        </Card>
        <Card as="section" aria-labelledby="partners-title">
          <h2 id="partners-title">{m.partnersTitle}</h2>
          <QueryState query={partners}>{(list) => <PartnersList partners={list} />}</QueryState>
        </Card>
      </div>
    </div>
  );
}
