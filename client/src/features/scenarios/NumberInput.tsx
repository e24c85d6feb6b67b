import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { TextField } from '../../ui/Field';
import { parseDecimal, parseMoneyCents } from '../../../../shared/diagnostic/numbers.js';

const euro = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const dec = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 });

type Props = {
  label: string;
  hint?: string;
  /** The value (cents for money); null = empty. */
  value: number | null;
  onChange(value: number | null): void;
  kind: 'money' | 'signedMoney' | 'decimal';
  decimals?: number;
  error?: string | null;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

const show = (v: number | null, kind: Props['kind']) => (v === null ? '' : kind === 'decimal' ? dec.format(v) : euro.format(v / 100));

/**
 * A labelled number typed the French way (« 1 234,50 », « 0,5 »): the text is kept as typed and parsed exactly
 * (money to integer cents from the digits); an unreadable entry shows why and leaves the value unchanged.
 */
export function NumberInput({ label, hint, value, onChange, kind, decimals = 2, error, ...rest }: Props) {
  const [text, setText] = useState(show(value, kind));
  const [own, setOwn] = useState<string | null>(null);
  // Follow outside changes (another line removed, a reset) without fighting the user's typing.
  useEffect(() => {
    setText((t) => {
      const parsed = parse(t);
      return parsed.ok && parsed.value === value ? t : show(value, kind);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, kind]);
  function parse(t: string) {
    if (t.trim() === '') return { ok: true as const, value: null };
    return kind === 'decimal' ? parseDecimal(t, decimals) : parseMoneyCents(t, kind === 'signedMoney');
  }
  return (
    <TextField
      {...rest}
      label={label}
      hint={hint}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      error={own ?? error}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const p = parse(t);
        if (p.ok) {
          setOwn(null);
          onChange(p.value);
        } else setOwn(p.message);
      }}
    />
  );
}
