/**
 * Matches a request against the route table by method and OpenAPI path template.
 *
 * Invariant: when several templates match, the one with the fewest `{params}` wins, so literal segments beat
 * parameters (`/v2/bot/user/all/richmenu/{id}` beats `/v2/bot/user/{userId}/richmenu/{richMenuId}`).
 */
import type { Route } from './route.js';

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export interface Router {
  match(method: string, path: string): RouteMatch | undefined;
}

export function createRouter(routes: readonly Route[]): Router {
  const compiled: CompiledRoute[] = routes
    .map((route) => {
      const names: string[] = [];
      const source = route.template
        .split('/')
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1] ?? '');
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    })
    .sort((a, b) => a.names.length - b.names.length);

  return {
    match(method, path) {
      for (const { route, pattern, names } of compiled) {
        if (route.method !== method) continue;
        const found = pattern.exec(path);
        if (!found) continue;
        const params: Record<string, string> = {};
        names.forEach((name, i) => {
          params[name] = safeDecode(found[i + 1] ?? '');
        });
        return { route, params };
      }
      return undefined;
    },
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
