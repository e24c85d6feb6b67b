import type { PublicConfigDto } from '../../../../shared/api/types.js';
import { messages } from '../../i18n/messages';
import { Card } from '../../ui/Card';

type DemoAccount = PublicConfigDto['demoAccounts'][number];

/**
 * One-click sign-in buttons of the demo mode. The accessible name reads « Se connecter en tant que <nom> — <label> »
 * while the visible text shows the name and the label: the hidden words only complete it (label in name, WCAG 2.5.3).
 */
export function DemoAccounts({
  accounts,
  onPick,
  pendingEmail,
}: {
  accounts: DemoAccount[];
  onPick: (email: string) => void;
  pendingEmail: string | null;
}) {
  const m = messages.login;
  return (
    <Card as="section" className="demo-accounts" aria-labelledby="demo-title">
      <h2 id="demo-title">{m.demoTitle}</h2>
      <p className="muted">{m.demoIntro}</p>
      <ul className="demo-list">
        {accounts.map((a) => (
          <li key={a.email}>
            <button
              type="button"
              className="demo-button"
              data-testid={`demo-login-${a.email}`}
              onClick={() => onPick(a.email)}
              disabled={pendingEmail !== null}
              aria-busy={pendingEmail === a.email || undefined}
            >
              <span className="visually-hidden">{m.demoPrefix}</span>
              <span className="demo-name">{a.name}</span>
              <span className="visually-hidden"> — </span>
              <span className="demo-label">{a.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted demo-password">{m.demoPassword}</p>
    </Card>
  );
}
