/** The console's pages are paths of one app (SPA routing: the server answers index.html for each). */
import { useSyncExternalStore } from 'react';

const EVENT = 'daumoi:navigate';

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
  window.scrollTo(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

/** The current path and query (`/van-ban-den?trang=2`), re-rendering on navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, href };
}

/** Follows a Cloudscape link or navigation item inside the app instead of reloading the page. */
export function follow(event: CustomEvent<{ href?: string; external?: boolean }>): void {
  const href = event.detail.href;
  if (!href || event.detail.external || !href.startsWith('/')) return;
  event.preventDefault();
  navigate(href);
}
