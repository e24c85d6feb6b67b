import type { RoundDetailDto } from '../../../../shared/rounds/api.js';
import type { PositionKind } from '../../../../shared/rounds/positions.js';
import { formatDateTime } from '../../i18n/format';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { rm } from './messages';

const KIND_TONES: Record<PositionKind, BadgeTone> = { favorable: 'success', favorable_avec_reserves: 'info', defavorable: 'danger', abstention: 'neutral' };
const IMPACT_TONES: Record<string, BadgeTone> = { renforce: 'success', neutre: 'neutral', affaiblit: 'danger' };

/** The positions recorded so far: position, motivation, conditions and the effect on each programme action. */
export function PositionsList({ round }: { round: RoundDetailDto }) {
  return (
    <section className="rounds-card" aria-labelledby="positions-title">
      <h3 id="positions-title">{rm.positions.title}</h3>
      {round.positions.length === 0 ? (
        <p className="muted">{rm.positions.empty}</p>
      ) : (
        <ul className="rounds-positions">
          {round.positions.map((p) => (
            <li key={p.communeId} className="rounds-position-item">
              <h4>
                {p.communeName} <Badge tone={KIND_TONES[p.kind]}>{rm.position.kinds[p.kind]}</Badge>
              </h4>
              {p.motivation ? <p>{p.motivation}</p> : null}
              {p.conditions.length ? (
                <>
                  <p className="rounds-subtitle">{rm.positions.conditions}</p>
                  <ul>
                    {p.conditions.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {p.actionImpacts.length ? (
                <>
                  <p className="rounds-subtitle">{rm.positions.impacts}</p>
                  <ul className="rounds-impact-list">
                    {p.actionImpacts.map((a) => (
                      <li key={a.actionId}>
                        {a.title} <Badge tone={IMPACT_TONES[a.impact]}>{rm.position.impactLabels[a.impact]}</Badge>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <p className="muted">{rm.positions.by(p.author.name, formatDateTime(p.recordedAt))}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
