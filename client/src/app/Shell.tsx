import { Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { Outlet, useLocation } from 'react-router';
import { messages } from '../i18n/messages';
import { Spinner } from '../ui/Spinner';
import { Header } from './Header';
import { useOptionalMe } from './session';

/**
 * The page frame shared by every route: skip link, header (navigation and user menu once signed in), one `<main
 * id="contenu">` holding the lazily loaded page, and a footer.
 */
export function Shell() {
  const { me } = useOptionalMe();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new content as a full page load would, so that keyboard and
  // screen reader users start reading the new page instead of staying on the link they activated.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  const skipToContent = (event: MouseEvent) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#contenu" onClick={skipToContent}>
        {messages.app.skipLink}
      </a>
      <Header me={me} />
      <main id="contenu" className="main" tabIndex={-1} ref={mainRef}>
        <div className="container">
          <Suspense fallback={<Spinner />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <footer className="footer">
        <div className="container">{messages.app.footer}</div>
      </footer>
    </div>
  );
}
