/** A tiny path router (history API): the server's SPA fallback serves index.html for each page. */
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

export const routes = ['overview', 'scenario', 'deterrence', 'negotiation', 'simulation', 'games', 'evidence'] as const;
export type Route = (typeof routes)[number];

/** The page of a path: '/' is the overview; a path that names no page is 'not-found'. */
export function routeOf(pathname: string): Route | 'not-found' {
  const first = pathname.replace(/^\/+/, '').split('/')[0] ?? '';
  if (first === '' || first === 'index.html') return 'overview';
  return (routes as readonly string[]).includes(first) ? (first as Route) : 'not-found';
}

export function navigate(route: Route): void {
  const path = route === 'overview' ? '/' : `/${route}`;
  if (window.location.pathname !== path) {
    window.history.pushState({}, '', path + window.location.search);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }
}

export function useRoute(): Route | 'not-found' {
  const [route, setRoute] = useState<Route | 'not-found'>(() => routeOf(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}

export function Link({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  const href = to === 'overview' ? '/' : `/${to}`;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={href} onClick={onClick} className={className} data-route={to}>
      {children}
    </a>
  );
}
