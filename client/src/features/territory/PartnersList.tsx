import type { PartnerDto } from '../../../../shared/api/types.js';
import { messages } from '../../i18n/messages';

/** Partner organisations of the territory (CAF, département…), with their kind spelled out. */
export function PartnersList({ partners }: { partners: PartnerDto[] }) {
  const m = messages.territory;
  if (partners.length === 0) return <p className="muted">{m.partnersEmpty}</p>;
  return (
    <ul className="plain-list">
      {partners.map((p) => (
        <li key={p.id}>
          <strong>{p.name}</strong>
          <span className="muted"> — {m.partnerKinds[p.kind] ?? p.kind}</span>
        </li>
      ))}
    </ul>
  );
}
