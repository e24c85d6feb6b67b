import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { SECTION_LABELS, boardSectionOf, type SectionKey } from '../../../../shared/diagnostic/sections.js';
import { PARTICIPATION_LABELS } from '../../../../shared/projects/participation.js';
import type { AgentRecord } from '../../../../shared/diagnostic/types.js';
import { formatNumber as fmt } from '../../i18n/format';
import { Card } from '../../ui/Card';
import { QueryState } from '../../ui/QueryState';
import { SelectField } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { diagQ } from './api';
import { useDiagnostic } from './EditorContext';
import { EditableTable, type Rec } from './EditableTable';
import { IndicatorCards } from './EpciTotals';
import { SectionStatus } from './SectionStatus';
import { Missing, formatNumber } from './display';
import { dm } from './messages';

/** Columns shown per section on a commune's page (the editor shows every field). */
const COLUMNS: Record<Exclude<SectionKey, 'consultations'>, string[]> = {
  besoins: ['missionKey', 'existing', 'providedBy', 'unmetNeed', 'poolingWish', 'priority'],
  services: ['name', 'missions', 'publicServed', 'openingPeriods', 'operatingBudgetCents', 'investmentBudgetCents', 'cafRevenueCents', 'otherRevenueCents', 'usageUnit'],
  usages: ['serviceId', 'residence', 'units', 'year'],
  agents: ['jobTitle', 'employer', 'category', 'status', 'quotitePct', 'serviceSharePct', 'qualifications', 'annualCostCents'],
  equipements: ['name', 'type', 'capacity', 'areaM2', 'condition', 'accessibility', 'occupancyPct', 'runningCostCents'],
  finances: ['year', 'acCents', 'operatingRevenueCents', 'childrenUnder3'],
};

/** `…/diagnostic/communes` without a commune: the user's own commune, else the first one. */
export function CommuneRedirect() {
  const { overview, projectId } = useDiagnostic();
  const target = overview.communes.find((c) => c.canWrite && c.participation === 'participante') ?? overview.communes[0];
  return target ? <Navigate replace to={`/projets/${projectId}/diagnostic/communes/${target.id}`} /> : <p>{dm.commune.noRecords}</p>;
}

/** `…/diagnostic/communes/:communeId`: a commune's data, editable where the server allows, section by section. */
export function CommunePage() {
  const { communeId = '' } = useParams();
  const ctx = useDiagnostic();
  const navigate = useNavigate();
  const commune = ctx.overview.communes.find((c) => c.id === communeId);
  const indicators = useQuery(diagQ.indicators(ctx.projectId));
  useDocumentTitle(commune ? `${dm.title} — ${commune.name}` : dm.title, ctx.projectTitle);
  if (!commune) return <Navigate replace to={`/projets/${ctx.projectId}/diagnostic/communes`} />;
  const mine = [{ id: commune.id, name: commune.name }];

  return (
    <div className="stack">
      <div className="diag-commune-head">
        <div>
          <h3 className="diag-commune-title">{commune.name}</h3>
          <p className="muted">
            {dm.commune.participation} : {PARTICIPATION_LABELS[commune.participation]} · {commune.population === null ? <Missing /> : `${fmt(commune.population)} hab.`} · INSEE {commune.inseeCode}
          </p>
          {!commune.canWrite ? <p className="diag-readonly">{dm.commune.readOnly}</p> : null}
        </div>
        <SelectField label={dm.commune.select} value={commune.id} onChange={(e) => navigate(`/projets/${ctx.projectId}/diagnostic/communes/${e.target.value}`)}>
          {ctx.overview.communes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>

      <Card as="section" aria-labelledby="diag-commune-indicators">
        <h3 id="diag-commune-indicators">{dm.commune.indicators}</h3>
        <QueryState query={indicators}>
          {(data) => {
            const mineInd = data.communes.find((c) => c.communeId === commune.id);
            return mineInd ? <IndicatorCards indicators={mineInd} headingLevel={4} /> : null;
          }}
        </QueryState>
      </Card>

      {(Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).map((section) => (
        <SectionCard key={section} section={section} communeId={commune.id} canWrite={commune.canWrite} mine={mine} />
      ))}

      <Card as="section" aria-labelledby="diag-commune-consultations">
        <div className="diag-section-head">
          <h3 id="diag-commune-consultations">{SECTION_LABELS.consultations}</h3>
          <SectionStatus communeId={commune.id} section="consultations" />
        </div>
        <p>
          <Link to={`/projets/${ctx.projectId}/diagnostic/consultations?commune=${commune.id}`}>{dm.consultations.title}</Link>
        </p>
      </Card>
    </div>
  );
}

function SectionCard({ section, communeId, canWrite, mine }: { section: keyof typeof COLUMNS; communeId: string; canWrite: boolean; mine: { id: string; name: string }[] }) {
  const ctx = useDiagnostic();
  const list = useQuery(diagQ.section(ctx.projectId, section));
  const id = `diag-sec-${section}`;
  return (
    <Card as="section" aria-labelledby={id}>
      <div className="diag-section-head">
        <h3 id={id}>{SECTION_LABELS[section]}</h3>
        {section !== 'usages' ? <SectionStatus communeId={communeId} section={boardSectionOf(section)} /> : null}
      </div>
      <QueryState query={list}>
        {(all) => {
          const records = (all as unknown as Rec[]).filter((r) => r.communeId === communeId);
          const label = (r: Rec) => String(r.jobTitle ?? r.name ?? ctx.overview.missions.find((m) => m.key === r.missionKey)?.label ?? ctx.services.find((s) => s.id === r.serviceId)?.name ?? r.year ?? SECTION_LABELS[section]);
          return (
            <EditableTable
              section={section}
              records={records}
              columns={COLUMNS[section]}
              caption={`${SECTION_LABELS[section]} — ${ctx.overview.communes.find((c) => c.id === communeId)?.name}`}
              rowLabel={label}
              canEdit={() => canWrite}
              canCreate={canWrite && !(section === 'finances' && records.length > 0)}
              createDefaults={{ communeId }}
              hidden={section === 'usages' ? [] : ['communeId']}
              communeChoices={mine}
              extra={section === 'agents' ? { label: dm.table.etp, render: (r) => ((r as unknown as AgentRecord).etpService === null ? <Missing /> : formatNumber((r as unknown as AgentRecord).etpService!, 2)) } : undefined}
            />
          );
        }}
      </QueryState>
    </Card>
  );
}
