import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** Options of a static server for the built site. */
export interface StaticServerOptions {
  /** Folder with the built site. */
  root: string;
  /** Path the site is served under, e.g. `/partner-guides/`; `/` by default. */
  basePath?: string;
}

/** A running static server and how to stop it. */
export interface RunningServer {
  origin: string;
  url: string;
  close: () => Promise<void>;
}

/** Serves a built site on a free loopback port, as a plain intranet static server would. */
export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const basePath = options.basePath ?? '/';
  const serve = sirv(options.root, { dev: false, etag: true, dotfiles: false });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(basePath)) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    req.url = '/' + url.slice(basePath.length);
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + basePath,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
