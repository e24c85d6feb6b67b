import type { RoundStatus } from '../../../../shared/rounds/round.js';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { rm } from './messages';

const TONES: Record<RoundStatus, BadgeTone> = { brouillon: 'outline', ouvert: 'success', clos: 'neutral' };

/** The status a round has now for its readers (an open round past its deadline reads « Clos »). */
export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  return <Badge tone={TONES[status]}>{rm.status[status]}</Badge>;
}
