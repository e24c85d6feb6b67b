/**
 * How diagnostic values read on screen: euros from cents, French numbers, and a missing value shown as missing
 * (« — », read « non renseigné »), never as zero.
 */
import type { ReactNode } from 'react';
import type { FieldDef } from '../../../../shared/diagnostic/fields.js';
import type { IndicatorUnit } from '../../../../shared/diagnostic/indicator-defs.js';
import { formatCell, type CellContext } from '../../../../shared/diagnostic/cells.js';
import { dm } from './messages';

const euro0 = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const euro2 = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const num = (d: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: d });

/** « — » for assistive technologies read as « non renseigné ». */
export function Missing() {
  return (
    <span className="diag-missing">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{dm.missing}</span>
    </span>
  );
}

/** Euros from cents; `precise` keeps the cents (per inhabitant, per unit). */
export function formatEuros(cents: number, precise = false): string {
  return (precise ? euro2 : euro0).format(cents / 100);
}

export function formatNumber(n: number, decimals = 2): string {
  return num(decimals).format(n);
}

/** A value of an indicator in its unit, or the missing mark. */
export function IndicatorValue({ value, unit, precise }: { value: number | null | undefined; unit: IndicatorUnit; precise?: boolean }): ReactNode {
  if (value === null || value === undefined) return <Missing />;
  switch (unit) {
    case 'cents':
      return formatEuros(value, precise);
    case 'pct':
      return `${formatNumber(value, 1)} %`;
    case 'years':
      return `${formatNumber(value, 1)} an${value >= 2 ? 's' : ''}`;
    case 'etp':
      return formatNumber(value, 2);
    case 'ratio':
      return formatNumber(value, 2);
    default:
      return formatNumber(value, 0);
  }
}

/** Text of a field's value in a table cell (lists joined, references named), or the missing mark. */
export function FieldValue({ field, value, ctx }: { field: FieldDef; value: unknown; ctx: CellContext }): ReactNode {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return <Missing />;
  if (field.kind === 'money' || field.kind === 'signedMoney') return formatEuros(value as number, (value as number) % 100 !== 0);
  if (field.kind === 'percent') return `${formatNumber(value as number, 2)} %`;
  if (field.kind === 'decimal') return formatNumber(value as number, 2);
  if (field.kind === 'int') return formatNumber(value as number, 0);
  if (field.kind === 'year') return String(value);
  if (field.kind === 'date') return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value as string}T00:00:00Z`));
  if (field.kind === 'needs') return `${(value as unknown[]).length} élément(s)`;
  return String(formatCell(field, value, ctx, 'csv') ?? '');
}
