import type { Violation } from '../../../../shared/scenarios/types.js';
import { sm } from './messages';

/** Blocking problems then points of attention, each in French with the rule it comes from. */
export function Violations({ violations, compact = false }: { violations: readonly Violation[]; compact?: boolean }) {
  const errors = violations.filter((v) => v.severity === 'error');
  const warnings = violations.filter((v) => v.severity === 'warning');
  if (!errors.length && !warnings.length) return <p className="alert alert-success">{sm.allGood}</p>;
  return (
    <div className="scn-violations">
      {errors.length ? (
        <div className="alert alert-error" data-testid="scn-errors">
          <p className="alert-title">{sm.blocking}</p>
          <ul>
            {errors.map((v) => (
              <li key={`${v.code}-${v.field}`}>{v.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length ? (
        <div className="alert scn-alert-warning" data-testid="scn-warnings">
          <p className="alert-title">{compact ? sm.warningsCount(warnings.length) : sm.warnings}</p>
          <ul>
            {warnings.map((v) => (
              <li key={`${v.code}-${v.field}`}>{v.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
