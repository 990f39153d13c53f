import type { IncomingMessage, ServerResponse } from 'node:http';
import { notFound } from './errors';
import { sendError } from './json';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Values of the `:name` segments of the route's path. */
  params: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Literal segments and `:name` parameters, e.g. `/api/orders/:id`. */
  path: string;
  handler: (context: RequestContext) => void | Promise<void>;
}

/** First matching route wins. Whatever a handler throws is answered by sendError. */
export class Router {
  constructor(private readonly routes: readonly Route[]) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      for (const route of this.routes) {
        if (route.method !== req.method) continue;
        const params = matchPath(route.path, url.pathname);
        if (params) return await route.handler({ req, res, url, params });
      }
      throw notFound(`no route for ${req.method} ${url.pathname}`);
    } catch (error) {
      if (res.headersSent) res.destroy();
      else sendError(res, error);
    }
  }
}

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const expected = pattern.split('/');
  const actual = pathname.replace(/(.)\/+$/, '$1').split('/');
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index];
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return undefined;
  }
  return params;
}
