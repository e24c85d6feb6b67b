import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { EQUIPMENT_TYPES, type EquipmentType } from '../../../../shared/diagnostic/vocab.js';
import type { EquipementRecord } from '../../../../shared/diagnostic/types.js';
import { Card } from '../../ui/Card';
import { QueryState } from '../../ui/QueryState';
import { SelectField } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { diagQ } from './api';
import { useDiagnostic } from './EditorContext';
import { EditableTable, type Rec } from './EditableTable';
import { dm } from './messages';

const TYPES = Object.keys(EQUIPMENT_TYPES) as EquipmentType[];

/** `…/diagnostic/equipements`: equipment by commune and type, then the filterable list (editable where allowed). */
export function EquipmentPage() {
  const ctx = useDiagnostic();
  const list = useQuery(diagQ.section(ctx.projectId, 'equipements'));
  const [type, setType] = useState('');
  const [commune, setCommune] = useState('');
  const m = dm.equipment;
  useDocumentTitle(`${dm.title} — ${dm.equipment.title}`, ctx.projectTitle);
  const communes = [...ctx.overview.communes].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const canWrite = (id: unknown) => !!ctx.overview.communes.find((c) => c.id === id)?.canWrite;

  return (
    <QueryState query={list}>
      {(all: EquipementRecord[]) => {
        const cell = (items: EquipementRecord[]) => {
          if (!items.length) return <span className="muted">0</span>;
          const known = items.filter((e) => e.capacity !== null);
          return m.count(items.length, known.length ? known.reduce((a, e) => a + e.capacity!, 0) : null);
        };
        const shown = all.filter((e) => (!type || e.type === type) && (!commune || e.communeId === commune));
        return (
          <div className="stack">
            <Card as="section" aria-labelledby="diag-eq-matrix">
              <h3 id="diag-eq-matrix">{m.title}</h3>
              <div className="table-wrap" tabIndex={0} role="region" aria-label={m.title}>
                <table className="table table-compact">
                  <caption className="visually-hidden">{m.caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{m.type}</th>
                      {communes.map((c) => (
                        <th key={c.id} scope="col" className="num">{c.name}</th>
                      ))}
                      <th scope="col" className="num">{m.total}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {TYPES.map((t) => (
                      <tr key={t}>
                        <th scope="row">{EQUIPMENT_TYPES[t]}</th>
                        {communes.map((c) => (
                          <td key={c.id} className="num">{cell(all.filter((e) => e.type === t && e.communeId === c.id))}</td>
                        ))}
                        <td className="num"><strong>{cell(all.filter((e) => e.type === t))}</strong></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
            <Card as="section" aria-labelledby="diag-eq-list">
              <h3 id="diag-eq-list">{m.list}</h3>
              <div className="diag-filters">
                <SelectField label={m.filterType} value={type} onChange={(e) => setType(e.target.value)}>
                  <option value="">{m.all}</option>
                  {TYPES.map((t) => (
                    <option key={t} value={t}>{EQUIPMENT_TYPES[t]}</option>
                  ))}
                </SelectField>
                <SelectField label={m.filterCommune} value={commune} onChange={(e) => setCommune(e.target.value)}>
                  <option value="">{m.all}</option>
                  {communes.map((c) => (
                    <option key={c.id} value={c.id}>{c.name}</option>
                  ))}
                </SelectField>
              </div>
              <EditableTable
                section="equipements"
                records={shown as unknown as Rec[]}
                columns={['name', 'communeId', 'type', 'capacity', 'condition', 'accessibility', 'occupancyPct', 'runningCostCents']}
                caption={m.list}
                rowLabel={(r) => String(r.name)}
                canEdit={(r) => canWrite(r.communeId)}
                canCreate={ctx.overview.communes.some((c) => c.canWrite)}
                createDefaults={{ communeId: commune || undefined, type: type || undefined }}
                communeChoices={ctx.overview.communes.filter((c) => c.canWrite)}
              />
            </Card>
          </div>
        );
      }}
    </QueryState>
  );
}
