import { NavLink } from 'react-router';

/** One tab: where it goes and its label; `end` makes it active only on that exact path. */
export type TabItem = { to: string; label: string; end?: boolean };

/**
 * Sub-navigation rendered as tabs. These are links between pages, so they use a `<nav>` with
 * aria-current="page" (set by NavLink) rather than the ARIA tab pattern, which is for panels in one page.
 * Adding a section is adding an item.
 */
export function TabNav({ label, items }: { label: string; items: TabItem[] }) {
  return (
    <nav className="tabnav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className={({ isActive }) => (isActive ? 'tab tab-active' : 'tab')}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
