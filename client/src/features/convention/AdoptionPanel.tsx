import { Link } from 'react-router';
import type { AdoptionStatus } from '../../../../shared/scenarios/adoption.js';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { cm } from './messages';

const TONE: Record<AdoptionStatus['status'], BadgeTone> = { adoptee: 'success', en_attente: 'warning', bloquee: 'danger' };

/** The overall status by the instrument's rule, with what is still missing before « En vigueur », in order. */
export function AdoptionPanel({ adoption, projectId, showLink = true }: { adoption: AdoptionStatus; projectId: string; showLink?: boolean }) {
  return (
    <Card as="section" aria-labelledby="conv-adoption" className="conv-adoption">
      <h3 id="conv-adoption">
        {cm.adoptionTitle} : <Badge tone={TONE[adoption.status]}>{cm.adoption[adoption.status]}</Badge>
      </h3>
      {adoption.missing.length ? (
        <>
          <p className="conv-muted">{cm.missingTitle}</p>
          <ol className="conv-missing">
            {adoption.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>{cm.nothingMissing}</p>
      )}
      {showLink ? <Link to={`/projets/${projectId}/convention/deliberations`}>{cm.toBoard}</Link> : null}
    </Card>
  );
}
