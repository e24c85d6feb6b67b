/** The money parts of the scenario form: other costs and revenues, the allocation key, financing and overrides. */
import { KEY_BASES, KEY_BASIS_LABELS, type AllocationKey, type KeyBasis } from '../../../../shared/scenarios/allocation.js';
import { INSTRUMENT_DEFS } from '../../../../shared/scenarios/instruments.js';
import { FINANCING_MODE_LABELS, type FinancingMode } from '../../../../shared/scenarios/types.js';
import { OVERRIDE_FIELDS, OVERRIDE_FIELD_LABELS, isMoneyField, type Override, type OverrideField } from '../../../../shared/scenarios/model.js';
import type { ScenarioFiguresDto } from '../../../../shared/scenarios/api.js';
import { USAGE_UNITS } from '../../../../shared/diagnostic/vocab.js';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { NumberInput } from './NumberInput';
import { InlineViolations, type SectionProps } from './FormSections';
import { violationsOf } from './draft';
import { fmtNum, formatEuros } from './format';
import { sm } from './messages';

const f = sm.form;

export function CostsSection({ draft, set, violations }: SectionProps) {
  const setOneOff = (i: number, patch: Partial<Draft['oneOffCosts'][number]>) => set({ oneOffCosts: draft.oneOffCosts.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const setRevenue = (i: number, patch: Partial<Draft['revenues'][number]>) => set({ revenues: draft.revenues.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <fieldset className="scn-fieldset">
      <legend>{f.costs}</legend>
      <NumberInput label={f.otherRunning} kind="money" value={draft.otherRunningCents} onChange={(v) => set({ otherRunningCents: v ?? 0 })} />
      <h4>{f.oneOff}</h4>
      <p className="field-hint">{f.oneOffHint}</p>
      <ol className="plain-list scn-lines">
        {draft.oneOffCosts.map((x, i) => (
          <li key={i} className="scn-line scn-line-3">
            <TextField label={f.label} value={x.label} maxLength={200} onChange={(e) => setOneOff(i, { label: e.target.value })} />
            <NumberInput label={f.amount} kind="money" value={x.amountCents} onChange={(v) => setOneOff(i, { amountCents: v ?? 0 })} />
            <NumberInput label={f.years} kind="decimal" decimals={0} value={x.amortisationYears} onChange={(v) => setOneOff(i, { amortisationYears: v })} />
            <Button variant="ghost" aria-label={`${f.remove} « ${x.label} »`} onClick={() => set({ oneOffCosts: draft.oneOffCosts.filter((_, j) => j !== i) })}>{f.remove}</Button>
            <InlineViolations list={violationsOf(violations, `oneOffCosts[${i}]`)} />
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={() => set({ oneOffCosts: [...draft.oneOffCosts, { label: 'Travaux', amountCents: 0, amortisationYears: 5 }] })}>{f.addOneOff}</Button>
      <h4>{f.revenues}</h4>
      <ol className="plain-list scn-lines">
        {draft.revenues.map((x, i) => (
          <li key={i} className="scn-line scn-line-3">
            <TextField label={f.label} value={x.label} maxLength={200} onChange={(e) => setRevenue(i, { label: e.target.value })} />
            <SelectField label={f.kind} value={x.kind} onChange={(e) => setRevenue(i, { kind: e.target.value as 'caf' | 'autre' })}>
              <option value="caf">{f.revenueKind.caf}</option>
              <option value="autre">{f.revenueKind.autre}</option>
            </SelectField>
            <NumberInput label={f.amount} kind="money" value={x.amountCents} onChange={(v) => setRevenue(i, { amountCents: v ?? 0 })} />
            <Button variant="ghost" aria-label={`${f.remove} « ${x.label} »`} onClick={() => set({ revenues: draft.revenues.filter((_, j) => j !== i) })}>{f.remove}</Button>
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={() => set({ revenues: [...draft.revenues, { label: 'Prestation de service CAF', kind: 'caf', amountCents: 0 }] })}>{f.addRevenue}</Button>
    </fieldset>
  );
}

type Draft = SectionProps['draft'];
type KeyChoice = 'aucune' | KeyBasis | 'mixte';

export function AllocationSection({ draft, set, inputs, violations, figures }: SectionProps & { figures: ScenarioFiguresDto }) {
  const key = draft.allocationKey;
  const choice: KeyChoice = key === null ? 'aucune' : key.kind;
  const weights = key?.kind === 'mixte' ? key.weights : {};
  const sum = Object.values(weights).reduce<number>((a, w) => a + (w ?? 0), 0);
  const chooseKey = (c: KeyChoice) => set({ allocationKey: c === 'aucune' ? null : c === 'mixte' ? { kind: 'mixte', weights: { population: 0.5, usage: 0.5 } } : { kind: c } });
  const setWeight = (b: KeyBasis, pct: number | null) => set({ allocationKey: { kind: 'mixte', weights: { ...weights, [b]: pct === null ? undefined : Math.round(pct * 10_000) / 1_000_000 } } as AllocationKey });
  const units = [...new Set(inputs.usages.map((u) => u.unit).filter((u): u is string => !!u))];
  const modes = INSTRUMENT_DEFS[draft.instrument].financingModes;
  return (
    <fieldset className="scn-fieldset">
      <legend>{f.allocation}</legend>
      <SelectField label={f.keyKind} value={choice} onChange={(e) => chooseKey(e.target.value as KeyChoice)} data-testid="key-select">
        <option value="aucune">{f.keyNone}</option>
        {KEY_BASES.map((b) => (
          <option key={b} value={b}>{KEY_BASIS_LABELS[b]}</option>
        ))}
        <option value="mixte">{f.keyMixte}</option>
      </SelectField>
      {key?.kind === 'mixte' ? (
        <div className="scn-row">
          {KEY_BASES.map((b) => (
            <NumberInput key={b} label={f.weight(KEY_BASIS_LABELS[b])} kind="decimal" decimals={4} value={weights[b] === undefined ? null : Math.round(weights[b]! * 1_000_000) / 10_000} onChange={(v) => setWeight(b, v)} />
          ))}
          <p className={Math.abs(sum - 1) < 1e-9 ? 'muted' : 'field-error'}>{f.weightsSum(sum * 100)}</p>
        </div>
      ) : null}
      {choice === 'usage' || (key?.kind === 'mixte' && weights.usage) ? (
        <SelectField label={f.usageUnit} value={draft.usageUnit ?? ''} onChange={(e) => set({ usageUnit: e.target.value || null })}>
          <option value="">{f.allUnits}</option>
          {units.map((u) => (
            <option key={u} value={u}>{USAGE_UNITS[u as keyof typeof USAGE_UNITS] ?? u}</option>
          ))}
        </SelectField>
      ) : null}
      <InlineViolations list={violationsOf(violations, 'allocationKey')} />
      <SelectField label={f.financing} value={draft.financingMode ?? ''} onChange={(e) => set({ financingMode: (e.target.value || null) as FinancingMode | null })}>
        <option value="">{f.financingNone}</option>
        {(Object.keys(FINANCING_MODE_LABELS) as FinancingMode[]).map((m) => (
          <option key={m} value={m}>{FINANCING_MODE_LABELS[m]}{modes.includes(m) ? '' : ' — non prévu par cet instrument'}</option>
        ))}
      </SelectField>
      {INSTRUMENT_DEFS[draft.instrument].marginalShareWarnPct !== undefined ? (
        <NumberInput label={f.prestationShare} kind="decimal" value={draft.prestationSharePct} onChange={(v) => set({ prestationSharePct: v })} />
      ) : null}
      <Overrides draft={draft} set={set} inputs={inputs} violations={violations} figures={figures} />
    </fieldset>
  );
}

/** Per commune, the figures entered instead of the diagnostic's, each with its source. */
function Overrides({ draft, set, violations, figures }: SectionProps & { figures: ScenarioFiguresDto }) {
  const setOverride = (communeId: string, field: OverrideField, o: Override | null) =>
    set({
      communes: draft.communes.map((c) => {
        if (c.communeId !== communeId) return c;
        const overrides = { ...c.overrides };
        if (o) overrides[field] = o;
        else delete overrides[field];
        return { ...c, overrides };
      }),
    });
  return (
    <details className="disclosure scn-overrides" open={draft.communes.some((c) => Object.keys(c.overrides).length > 0) || undefined}>
      <summary>{f.overrides}</summary>
      <p className="field-hint">{f.overridesHint}</p>
      {draft.communes.map((c, i) => {
        const resolved = figures.communes.find((r) => r.communeId === c.communeId);
        if (!resolved) return null;
        return (
          <fieldset key={c.communeId} className="scn-fieldset scn-override">
            <legend>{f.overrideFor(resolved.name)}</legend>
            {OVERRIDE_FIELDS.map((field) => {
              const o = c.overrides[field];
              const diagValue = resolved.sources[field] === 'saisie' ? null : resolved[field];
              const shown = diagValue === null ? '—' : isMoneyField(field) ? formatEuros(diagValue) : fmtNum(diagValue);
              return (
                <div key={field} className="scn-row scn-override-row">
                  <NumberInput
                    label={OVERRIDE_FIELD_LABELS[field]}
                    hint={resolved.sources[field] === 'saisie' ? undefined : f.fromDiagnostic(shown)}
                    kind={field === 'acCents' ? 'signedMoney' : isMoneyField(field) ? 'money' : 'decimal'}
                    decimals={field === 'population' ? 0 : 2}
                    value={o?.value ?? null}
                    onChange={(v) => setOverride(c.communeId, field, v === null ? null : { value: v, source: o?.source ?? '' })}
                  />
                  {o ? <TextField label={f.overrideSource(OVERRIDE_FIELD_LABELS[field])} required maxLength={300} value={o.source} onChange={(e) => setOverride(c.communeId, field, { ...o, source: e.target.value })} /> : null}
                </div>
              );
            })}
            <InlineViolations list={violationsOf(violations, `communes[${i}]`).filter((v) => v.field.includes('].'))} />
          </fieldset>
        );
      })}
    </details>
  );
}
