import { useId } from 'react';
import type { FieldDef } from '../../../../shared/diagnostic/fields.js';
import { NEED_KINDS } from '../../../../shared/diagnostic/vocab.js';
import { OUTSIDE_TERRITORY } from '../../../../shared/diagnostic/schemas.js';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Button } from '../../ui/Button';
import type { NeedDraft } from './draft';
import { useDiagnostic, type DiagnosticCtx } from './EditorContext';
import { dm } from './messages';

type Props = {
  field: FieldDef;
  value: string | string[] | NeedDraft[];
  error?: string;
  onChange: (value: string | string[] | NeedDraft[]) => void;
  /** Communes the user may pick for the record (their own, or all for EPCI staff). */
  communeChoices?: { id: string; name: string }[];
  disabled?: boolean;
};

type Option = { value: string; label: string };

function optionsOf(field: FieldDef, ctx: DiagnosticCtx, communeChoices?: { id: string; name: string }[]): Option[] {
  switch (field.kind) {
    case 'enum':
    case 'enumList':
      return Object.entries(field.vocab!).map(([value, label]) => ({ value, label }));
    case 'commune':
      return (communeChoices ?? ctx.overview.communes).map((c) => ({ value: c.id, label: c.name }));
    case 'communeList':
      return ctx.overview.communes.map((c) => ({ value: c.id, label: c.name }));
    case 'mission':
    case 'missionList':
      return ctx.overview.missions.map((m) => ({ value: m.key, label: m.label }));
    case 'service':
      return ctx.services.filter((s) => !communeChoices || communeChoices.some((c) => c.id === s.communeId)).map((s) => ({ value: s.id, label: `${s.name} (${ctx.overview.communes.find((c) => c.id === s.communeId)?.name ?? ''})` }));
    case 'residence':
      return [...ctx.territoryCommunes.map((c) => ({ value: c.id, label: c.name })), { value: OUTSIDE_TERRITORY, label: dm.table.outside }];
    case 'partner':
      return ctx.overview.partners.map((p) => ({ value: p.id, label: p.name }));
    case 'users':
      return ctx.overview.people.map((p) => ({ value: p.id, label: p.name }));
    case 'bool':
      return [
        { value: 'oui', label: dm.table.yes },
        { value: 'non', label: dm.table.no },
      ];
    default:
      return [];
  }
}

const HINTS: Partial<Record<FieldDef['kind'], string>> = {
  money: 'En euros, par exemple 12 500,50',
  signedMoney: 'En euros ; négatif si la commune verse',
  percent: 'Entre 0 et 100',
};

/** The control of one field, labelled, with its French error. */
export function FieldInput({ field, value, error, onChange, communeChoices, disabled }: Props) {
  const ctx = useDiagnostic();
  const id = useId();
  const label = field.label;
  const hint = HINTS[field.kind] ?? field.help;

  if (field.kind === 'needs') return <NeedsInput field={field} value={value as NeedDraft[]} onChange={onChange} error={error} />;

  if (Array.isArray(value)) {
    const selected = new Set(value as string[]);
    return (
      <fieldset className={error ? 'field diag-checks field-invalid' : 'field diag-checks'} aria-describedby={error ? `${id}-err` : undefined} disabled={disabled}>
        <legend>{label}</legend>
        <div className="diag-checks-list">
          {optionsOf(field, ctx).map((o) => (
            <label key={o.value}>
              <input
                type="checkbox"
                checked={selected.has(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : [...selected].filter((x) => x !== o.value))}
              />{' '}
              {o.label}
            </label>
          ))}
        </div>
        {error ? <p className="field-error" id={`${id}-err`} role="alert">{error}</p> : null}
      </fieldset>
    );
  }

  const options = optionsOf(field, ctx, communeChoices);
  if (options.length || ['enum', 'commune', 'mission', 'service', 'residence', 'partner', 'bool'].includes(field.kind)) {
    return (
      <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error} required={field.required} disabled={disabled} hint={field.help}>
        <option value="">{field.required ? dm.table.choose : dm.table.none}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
    );
  }
  if (field.kind === 'longtext') {
    return <TextAreaField label={label} value={value} rows={3} onChange={(e) => onChange(e.target.value)} error={error} hint={hint} disabled={disabled} />;
  }
  const numeric = ['int', 'year', 'decimal', 'percent', 'money', 'signedMoney'].includes(field.kind);
  return (
    <TextField
      label={label}
      value={value}
      type={field.kind === 'date' ? 'date' : 'text'}
      inputMode={numeric ? 'decimal' : undefined}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={hint}
      required={field.required}
      disabled={disabled}
      autoComplete="off"
    />
  );
}

/** The list of needs and wishes of a consultation, each with its kind and, optionally, the mission it concerns. */
function NeedsInput({ field, value, onChange, error }: { field: FieldDef; value: NeedDraft[]; onChange: (v: NeedDraft[]) => void; error?: string }) {
  const ctx = useDiagnostic();
  const m = dm.consultations;
  const set = (i: number, patch: Partial<NeedDraft>) => onChange(value.map((n, k) => (k === i ? { ...n, ...patch } : n)));
  return (
    <fieldset className="field diag-needs">
      <legend>{field.label}</legend>
      {value.map((n, i) => (
        <div className="diag-need-row" key={n.id ?? `new-${i}`}>
          <SelectField label={m.needKind} value={n.kind} onChange={(e) => set(i, { kind: e.target.value as NeedDraft['kind'] })}>
            {Object.entries(NEED_KINDS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </SelectField>
          <TextField label={m.needText} value={n.text} onChange={(e) => set(i, { text: e.target.value })} />
          <SelectField label={m.needMission} value={n.missionKey ?? ''} onChange={(e) => set(i, { missionKey: e.target.value || null })}>
            <option value="">{m.noMission}</option>
            {ctx.overview.missions.map((x) => (
              <option key={x.key} value={x.key}>
                {x.label}
              </option>
            ))}
          </SelectField>
          <Button variant="ghost" onClick={() => onChange(value.filter((_, k) => k !== i))}>
            {m.removeNeed}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...value, { kind: 'besoin', text: '', missionKey: null }])}>
        {m.addNeed}
      </Button>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </fieldset>
  );
}
