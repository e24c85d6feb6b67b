import { Link, NavLink } from 'react-router';
import type { MeDto } from '../../../shared/api/types.js';
import { messages } from '../i18n/messages';
import { UserMenu } from './UserMenu';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useHomeTerritoryId } from './session';

/** Top bar: the app name, the main navigation and the user menu (the last two only when signed in). */
export function Header({ me }: { me: MeDto | undefined }) {
  const territoryId = useHomeTerritoryId(me);
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link nav-link-active' : 'nav-link');
  return (
    <header className="header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            M
          </span>
          <span className="brand-text">
            <span className="brand-name">{messages.app.name}</span>
            <span className="brand-tagline">{messages.app.tagline}</span>
          </span>
        </Link>
        {me ? (
          <div className="header-actions">
            <NotificationBell />
            <UserMenu me={me} />
          </div>
        ) : null}
      </div>
      {me ? (
        <nav className="mainnav" aria-label={messages.app.mainNav}>
          <ul className="container">
            <li>
              <NavLink to="/" end className={navClass}>
                {messages.nav.home}
              </NavLink>
            </li>
            {territoryId ? (
              <li>
                <NavLink to={`/territoire/${territoryId}`} className={navClass}>
                  {messages.nav.territory}
                </NavLink>
              </li>
            ) : null}
            {me.role === 'administrateur' ? (
              <li>
                <NavLink to="/admin" className={navClass}>
                  {messages.nav.admin}
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
