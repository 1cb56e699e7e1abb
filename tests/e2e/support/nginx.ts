import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's nginx (`apt-get install -y nginx-light`); another binary can be named in NGINX_PATH. */
const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The server block the README shows operators, with `${LISTEN}`, `${WEB_ROOT}` and `${BASE_PATH}` to fill in. */
export const SERVER_BLOCK_TEMPLATE = fileURLToPath(
  new URL('../../../deploy/nginx/site.conf.template', import.meta.url),
);

/** What the template leaves to the operator. */
export interface ServerBlockValues {
  LISTEN: string;
  WEB_ROOT: string;
  BASE_PATH: string;
}

/** Fills in the template as `envsubst '$LISTEN $WEB_ROOT $BASE_PATH'` does; nginx's own `$uri` stays. */
export function renderServerBlock(template: string, values: ServerBlockValues): string {
  const rendered = template.replace(
    /\$\{(LISTEN|WEB_ROOT|BASE_PATH)\}/g,
    (_, name: keyof ServerBlockValues) => {
      return values[name];
    },
  );
  const unknown = /\$\{\w+\}/.exec(rendered);
  if (unknown)
    throw new Error(`The server block template has a placeholder the test does not fill: ${unknown[0]}`);
  return rendered;
}

/** A built site to serve: its folder and the base path it was built for (`/` or `/partner-guides/`). */
export interface NginxSite {
  dir: string;
  basePath: string;
}

/** nginx running the sites, each on a loopback port of its own, and how to stop it. */
export interface RunningNginx {
  /** The URL of each site (origin and base path), in the order given. */
  urls: string[];
  stop: () => Promise<void>;
}

function nginxMissing(): Error {
  return new Error(
    `nginx is not installed at ${NGINX_PATH}. These tests serve the build with real nginx, as an operator ` +
      "would: install Debian's nginx-light (`apt-get install -y nginx-light`; `.ci/run` does it), " +
      'or name the binary in NGINX_PATH.',
  );
}

/** The mime.types beside the configuration nginx was built with (Debian: /etc/nginx/mime.types). */
function mimeTypesFile(): string {
  const version = spawnSync(NGINX_PATH, ['-V'], { encoding: 'utf8' });
  if (version.error) throw nginxMissing();
  const confPath = /--conf-path=(\S+)/.exec(version.stderr)?.[1] ?? '/etc/nginx/nginx.conf';
  const file = join(dirname(confPath), 'mime.types');
  if (!existsSync(file)) throw new Error(`nginx's ${file} is missing: reinstall nginx-light.`);
  return file;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('No free port'));
      });
    });
  });
}

/**
 * Starts nginx as the user running the tests, on free loopback ports, with its prefix, pid file,
 * temporary folders and logs in a temporary folder: nothing of the system's nginx is used but the
 * binary and its mime.types. Each site gets the README's server block (deploy/nginx/site.conf.template),
 * with a web root of its own where the build sits at its base path, as an operator would copy it.
 */
export async function startNginx(sites: NginxSite[]): Promise<RunningNginx> {
  if (!existsSync(NGINX_PATH)) throw nginxMissing();
  const mimeTypes = mimeTypesFile();
  const template = readFileSync(SERVER_BLOCK_TEMPLATE, 'utf8');
  const prefix = mkdtempSync(join(tmpdir(), 'partner-guides-nginx-'));
  const errorLog = join(prefix, 'error.log');
  const urls: string[] = [];
  const serverBlocks: string[] = [];
  for (const [index, site] of sites.entries()) {
    const port = await freePort();
    // Linked into the temporary folder, whose path has no spaces for nginx to trip on.
    const webRoot = join(prefix, `www-${index}`);
    const siteDir = join(webRoot, site.basePath).replace(/\/$/, '');
    mkdirSync(dirname(siteDir), { recursive: true });
    symlinkSync(site.dir, siteDir);
    const file = join(prefix, `site-${index}.conf`);
    writeFileSync(
      file,
      renderServerBlock(template, {
        LISTEN: `127.0.0.1:${port}`,
        WEB_ROOT: webRoot,
        BASE_PATH: site.basePath,
      }),
    );
    serverBlocks.push(`    include ${file};`);
    urls.push(`http://127.0.0.1:${port}${site.basePath}`);
  }
  // The http block of Debian's /etc/nginx/nginx.conf, less what needs root.
  const config = [
    'daemon off;',
    // As root, nginx would hand the requests to the user "nobody", who may not read the build.
    ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
    'worker_processes 1;',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${errorLog};`,
    'events { worker_connections 64; }',
    'http {',
    '    sendfile on;',
    `    include ${mimeTypes};`,
    '    default_type application/octet-stream;',
    `    access_log ${join(prefix, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `    ${kind}_temp_path ${join(prefix, kind)};`,
    ),
    '    gzip on;',
    ...serverBlocks,
    '}',
    '',
  ].join('\n');
  const configFile = join(prefix, 'nginx.conf');
  writeFileSync(configFile, config);

  const nginx = spawn(NGINX_PATH, ['-p', prefix + '/', '-c', configFile, '-e', errorLog], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  nginx.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => nginx.once('exit', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));
  const log = () => [stderr, existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''].join('\n').trim();

  const stop = async () => {
    if (running) {
      nginx.kill('SIGQUIT');
      await exited;
    }
    rmSync(prefix, { recursive: true, force: true });
  };

  // Ready when every site answers; nginx binds all its ports before it answers any.
  const deadline = Date.now() + 10_000;
  for (const url of urls) {
    for (;;) {
      if (!running) {
        await stop();
        throw new Error(`nginx stopped at start:\n${log()}\nConfiguration:\n${config}`);
      }
      const answered = await fetch(url, { method: 'HEAD' }).then(
        () => true,
        () => false,
      );
      if (answered) break;
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nginx did not answer at ${url} within 10 s:\n${log()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { urls, stop };
}
