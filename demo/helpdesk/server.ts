// The demo helpdesk (issue #2): a static ticket view with an upset chat customer (textarea composer) and an
// upset email customer (rich contenteditable composer plus an internal note). `npm run demo-helpdesk`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { renderInbox, renderNotFound, renderTicket } from './render';
import { HELPDESK_CSS, HELPDESK_JS } from './static';
import { findTicket } from './tickets';

export const DEMO_HELPDESK_PORT = 8788;

export interface DemoHelpdeskOptions {
  /** 8788 by default; 0 picks a free port. */
  port?: number;
  host?: string;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

interface Reply {
  status: number;
  type: string;
  body: string;
}

function route(method: string, rawUrl: string): Reply {
  const url = new URL(rawUrl, 'http://demo.invalid');
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, type: 'text/plain', body: 'Method not allowed' };
  if (url.pathname === '/static/helpdesk.css') return { status: 200, type: 'text/css', body: HELPDESK_CSS };
  if (url.pathname === '/static/helpdesk.js') return { status: 200, type: 'text/javascript', body: HELPDESK_JS };
  if (url.pathname === '/' || url.pathname === '/tickets')
    return { status: 200, type: 'text/html', body: renderInbox() };
  const m = /^\/tickets\/([^/]+)\/?$/.exec(url.pathname);
  const ticket = m?.[1] ? findTicket(m[1]) : undefined;
  if (ticket) return { status: 200, type: 'text/html', body: renderTicket(ticket) };
  return { status: 404, type: 'text/html', body: renderNotFound() };
}

export function handleDemoRequest(req: IncomingMessage, res: ServerResponse): void {
  const { status, type, body } = route(req.method ?? 'GET', req.url ?? '/');
  send(res, status, type, body);
}

export function startDemoHelpdesk(opts: DemoHelpdeskOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer(handleDemoRequest);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEMO_HELPDESK_PORT, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startDemoHelpdesk()
    .then(({ url, close }) => {
      console.log(`Demo helpdesk on ${url} (tickets: ${url}/tickets/1 chat, ${url}/tickets/2 email)`);
      const stop = () => void close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err: unknown) => {
      console.error(`Demo helpdesk could not start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    });
}
