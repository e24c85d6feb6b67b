/** The first parts of the scenario form: the scenario, its perimeter, its posts by employer, its equipment. */
import type { ScenarioInputsDto } from '../../../../shared/scenarios/api.js';
import { INSTRUMENTS, INSTRUMENT_DEFS, type Instrument } from '../../../../shared/scenarios/instruments.js';
import { MANAGING_BODY_KINDS, MANAGING_BODY_KIND_LABELS, type ManagingBodyKind, type ScenarioPost } from '../../../../shared/scenarios/model.js';
import { citeRefs, type Violation } from '../../../../shared/scenarios/types.js';
import { EQUIPMENT_FATES, type EquipmentFate } from '../../../../shared/scenarios/cost-model.js';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { NumberInput } from './NumberInput';
import { violationsOf, type Draft } from './draft';
import { fmtNum, formatEuros } from './format';
import { sm } from './messages';

export type SectionProps = { draft: Draft; set(patch: Partial<Draft>): void; inputs: ScenarioInputsDto; violations: Violation[] };

/** Messages of the rules about this part of the form, next to the fields they concern. */
export function InlineViolations({ list }: { list: Violation[] }) {
  if (!list.length) return null;
  return (
    <ul className="scn-inline-violations">
      {list.map((v) => (
        <li key={`${v.code}-${v.field}`} className={v.severity === 'error' ? 'scn-inline-error' : 'scn-inline-warning'}>
          <span className="visually-hidden">{v.severity === 'error' ? `${sm.blocking} : ` : `${sm.warnings} : `}</span>
          {v.message}
        </li>
      ))}
    </ul>
  );
}

const f = sm.form;

export function GeneralSection({ draft, set, inputs, violations }: SectionProps) {
  const def = INSTRUMENT_DEFS[draft.instrument];
  const perimeter = inputs.communes.filter((c) => draft.communes.some((d) => d.communeId === c.id));
  return (
    <fieldset className="scn-fieldset">
      <legend>{f.general}</legend>
      <TextField label={f.title} required minLength={3} maxLength={200} value={draft.title} onChange={(e) => set({ title: e.target.value })} />
      <TextAreaField label={f.summary} hint={f.summaryHint} rows={3} maxLength={2000} value={draft.summary} onChange={(e) => set({ summary: e.target.value })} />
      <SelectField
        label={f.instrument}
        hint={f.instrumentHint(def.participants, citeRefs(def.basis))}
        value={draft.instrument}
        onChange={(e) => set({ instrument: e.target.value as Instrument })}
        data-testid="instrument-select"
      >
        {INSTRUMENTS.map((i) => (
          <option key={i} value={i}>{INSTRUMENT_DEFS[i].label}</option>
        ))}
      </SelectField>
      <InlineViolations list={violationsOf(violations, 'structure', 'financingMode', 'prestationSharePct')} />
      <label className="checkbox-line">
        <input type="checkbox" checked={draft.epciParty} onChange={(e) => set({ epciParty: e.target.checked })} />
        {f.epciParty}
      </label>
      <div className="scn-row">
        <SelectField
          label={f.managingBody}
          value={draft.managingBody.kind}
          onChange={(e) => set({ managingBody: { ...draft.managingBody, kind: e.target.value as ManagingBodyKind } })}
        >
          {MANAGING_BODY_KINDS.map((k) => (
            <option key={k} value={k}>{MANAGING_BODY_KIND_LABELS[k]}</option>
          ))}
        </SelectField>
        {draft.managingBody.kind === 'commune' ? (
          <SelectField label={f.managingCommune} value={draft.managingBody.communeId ?? ''} onChange={(e) => set({ managingBody: { ...draft.managingBody, communeId: e.target.value || null, name: '' } })}>
            <option value="">{f.choose}</option>
            {perimeter.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </SelectField>
        ) : null}
        {draft.managingBody.kind === 'autre' ? (
          <TextField label={f.managingName} maxLength={200} value={draft.managingBody.name} onChange={(e) => set({ managingBody: { ...draft.managingBody, name: e.target.value } })} />
        ) : null}
      </div>
      <InlineViolations list={violationsOf(violations, 'managingBody')} />
    </fieldset>
  );
}

export function PerimeterSection({ draft, set, inputs, violations }: SectionProps) {
  const on = new Set(draft.communes.map((c) => c.communeId));
  const toggle = (id: string, checked: boolean) =>
    set({ communes: checked ? [...draft.communes, { communeId: id, overrides: {} }] : draft.communes.filter((c) => c.communeId !== id) });
  return (
    <fieldset className="scn-fieldset">
      <legend>{f.perimeter}</legend>
      <p className="field-hint">{f.perimeterHint}</p>
      <ul className="plain-list scn-communes">
        {inputs.communes.map((c) => (
          <li key={c.id}>
            <label className="checkbox-line">
              <input type="checkbox" checked={on.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
              {c.name} <Badge tone={c.member ? 'neutral' : 'warning'}>{c.member ? f.member : f.outside}</Badge>
              {c.population !== null ? <span className="muted"> · {fmtNum(c.population)} hab.</span> : null}
            </label>
          </li>
        ))}
      </ul>
      <InlineViolations list={violationsOf(violations, 'communes').filter((v) => !v.field.includes('].'))} />
    </fieldset>
  );
}

let postSeq = 0;
const newPostId = () => `p${Date.now().toString(36)}${(postSeq++).toString(36)}`;

export function PostsSection({ draft, set, inputs, violations }: SectionProps) {
  const perimeter = inputs.communes.filter((c) => draft.communes.some((d) => d.communeId === c.id));
  const update = (i: number, patch: Partial<ScenarioPost>) => set({ posts: draft.posts.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const add = () => set({ posts: [...draft.posts, { id: newPostId(), label: f.newPost, employer: 'epci', communeId: null, category: null, count: 1, etpPerPost: 1, loadedCostCents: 3_500_000 }] });
  const etp = (employer: string) => draft.posts.filter((p) => p.employer === employer).reduce((a, p) => a + p.count * p.etpPerPost, 0);
  const reference = perimeter.filter((c) => c.agentsEtp !== null).map((c) => `${c.name} ${fmtNum(c.agentsEtp!)}`).join(' · ');
  return (
    <fieldset className="scn-fieldset">
      <legend>{f.posts}</legend>
      <p className="field-hint">{f.postsHint} {reference || '—'}.</p>
      <p>
        <Badge tone="info">{sm.employer.epci} : {fmtNum(etp('epci'))} ETP</Badge> <Badge tone="info">{sm.employer.commune} : {fmtNum(etp('commune'))} ETP</Badge>
      </p>
      <ol className="plain-list scn-lines">
        {draft.posts.map((p, i) => (
          <li key={p.id} className="scn-line" data-testid="post-line">
            <TextField label={sm.cols.post} value={p.label} maxLength={200} onChange={(e) => update(i, { label: e.target.value })} />
            <SelectField label={sm.cols.employer} value={p.employer === 'epci' ? 'epci' : (p.communeId ?? '')} onChange={(e) => update(i, e.target.value === 'epci' ? { employer: 'epci', communeId: null } : { employer: 'commune', communeId: e.target.value || null })}>
              <option value="epci">{sm.employer.epci}</option>
              {perimeter.map((c) => (
                <option key={c.id} value={c.id}>{`${sm.employer.commune} — ${c.name}`}</option>
              ))}
            </SelectField>
            <SelectField label={sm.cols.category} value={p.category ?? ''} onChange={(e) => update(i, { category: (e.target.value || null) as ScenarioPost['category'] })}>
              <option value="">—</option>
              <option value="A">A</option>
              <option value="B">B</option>
              <option value="C">C</option>
            </SelectField>
            <NumberInput label={sm.cols.count} kind="decimal" decimals={0} value={p.count} onChange={(v) => update(i, { count: v ?? 0 })} />
            <NumberInput label={sm.cols.etpPerPost} kind="decimal" decimals={2} value={p.etpPerPost} onChange={(v) => update(i, { etpPerPost: v ?? 0 })} />
            <NumberInput label={sm.cols.loadedCost} kind="money" value={p.loadedCostCents} onChange={(v) => update(i, { loadedCostCents: v ?? 0 })} />
            <Button variant="ghost" aria-label={f.removePost(p.label)} onClick={() => set({ posts: draft.posts.filter((_, j) => j !== i) })}>
              {f.remove}
            </Button>
            <InlineViolations list={violationsOf(violations, `posts[${i}]`)} />
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={add}>{f.addPost}</Button>
      <InlineViolations list={violations.filter((v) => v.field === 'posts')} />
    </fieldset>
  );
}

export function EquipmentSection({ draft, set, inputs, violations }: SectionProps) {
  const fateOf = new Map(draft.equipment.map((e) => [e.equipmentId, e.fate]));
  const name = (id: string) => inputs.communes.find((c) => c.id === id)?.name ?? '';
  const perimeter = new Set(draft.communes.map((c) => c.communeId));
  // Equipment of the perimeter first, then the others (shared use across the border is possible).
  const list = [...inputs.equipment].sort((a, b) => Number(perimeter.has(b.communeId)) - Number(perimeter.has(a.communeId)) || name(a.communeId).localeCompare(name(b.communeId), 'fr'));
  const choose = (id: string, fate: EquipmentFate | 'aucun') =>
    set({
      equipment:
        fate === 'aucun'
          ? draft.equipment.filter((e) => e.equipmentId !== id)
          : fateOf.has(id)
            ? draft.equipment.map((e) => (e.equipmentId === id ? { ...e, fate } : e))
            : [...draft.equipment, { equipmentId: id, fate, runningCostOverride: null }],
    });
  return (
    <fieldset className="scn-fieldset">
      <legend>{f.equipment}</legend>
      <p className="field-hint">{f.equipmentHint}</p>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="visually-hidden">{f.equipment}</caption>
          <thead>
            <tr>
              <th scope="col">{sm.cols.equipment}</th>
              <th scope="col">{sm.cols.commune}</th>
              <th scope="col" className="num">{sm.cols.runningCost}</th>
              <th scope="col">{sm.cols.fate}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e) => (
              <tr key={e.id}>
                <th scope="row">{e.name}</th>
                <td>{name(e.communeId)}</td>
                <td className="num">{e.runningCostCents === null ? '—' : formatEuros(e.runningCostCents)}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`fate-${e.id}`}>{`${sm.cols.fate} : ${e.name} (${name(e.communeId)})`}</label>
                  <select id={`fate-${e.id}`} value={fateOf.get(e.id) ?? 'aucun'} onChange={(ev) => choose(e.id, ev.target.value as EquipmentFate | 'aucun')}>
                    <option value="aucun">{sm.fate.aucun}</option>
                    {EQUIPMENT_FATES.map((x) => (
                      <option key={x} value={x}>{sm.fate[x]}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <InlineViolations list={violationsOf(violations, 'equipment')} />
    </fieldset>
  );
}
