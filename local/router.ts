/**
 * Matches a request path against the route table the way API Gateway does:
 * resource templates with `{param}` segments. Unknown paths answer 404 and known
 * paths with another method 405, as the deployed API is configured to.
 */
import { ROUTES, type Route } from '../lambdas/contract/routes';

export type RouteMatch =
  | { readonly kind: 'route'; readonly route: Route; readonly pathParameters: Record<string, string> }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'method_not_allowed'; readonly allowed: readonly string[] };

interface Compiled {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const compiled: readonly Compiled[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.resource
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1] as string);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
});

export function matchRoute(method: string, path: string): RouteMatch {
  const byPath = compiled.filter((c) => c.pattern.test(path));
  if (byPath.length === 0) return { kind: 'not_found' };
  const hit = byPath.find((c) => c.route.method === method);
  if (!hit) return { kind: 'method_not_allowed', allowed: byPath.map((c) => c.route.method) };
  const values = hit.pattern.exec(path)?.slice(1) ?? [];
  const pathParameters: Record<string, string> = {};
  hit.names.forEach((name, i) => (pathParameters[name] = values[i] as string));
  return { kind: 'route', route: hit.route, pathParameters };
}
