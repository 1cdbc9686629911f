/**
 * `casefile preview`: a local server that shows a record's cards and dossier as they will be
 * made, and reloads the open page when the record, a template, the theme or a layout changes.
 *
 * It is long-lived, so cards render in the worker pool (whose workers are replaced should one
 * ever grow past its memory bound), at most `concurrency` renders at once. Requests are checked like CLI
 * arguments (routes.ts) and files are served only from the print page's own mounts. Image
 * responses carry the build cache's input hash as their ETag.
 *
 * The parts: state.ts (the settings, reloaded), handlers.ts (one per route), events.ts (the
 * pages' event stream), watcher.ts (what changes); src/http/ holds what it shares with `serve`.
 */
import http from 'node:http';
import path from 'node:path';
import pLimit from 'p-limit';
import type { LaunchOptions } from '../browser/launch.js';
import type { EngineName } from '../cards/engines/engine.js';
import { createCardRenderer } from '../cards/renderer.js';
import type { SizePresetName } from '../cards/sizes.js';
import { DEFAULTS, withDefaults } from '../settings/defaults.js';
import { createChangeEvents } from './events.js';
import { createHandlers, type Handlers } from './handlers.js';
import { createOnDemandPrinter } from '../browser/on-demand-printer.js';
import { listen } from '../http/listen.js';
import { asError, sendError } from '../http/respond.js';
import { routePreview, type Route } from './routes.js';
import { createPreviewState, type PreviewSettings } from './state.js';
import { watchSources } from './watcher.js';

export type { PreviewSettings } from './state.js';

export interface PreviewOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  sizes?: readonly SizePresetName[];
  /** Only these cards on the record pages (default: every card). */
  sections?: string[];
  engine?: EngineName;
  /** Renders at once (cards and dossiers together). */
  concurrency?: number;
  /** Card worker processes (at least 1: the pool keeps native memory out of the server's process); default: one per render at once. */
  workers?: number;
  loadSettings: () => Promise<PreviewSettings>;
  /** Files whose change reloads the settings (the config file, a --theme file). */
  settingsFiles?: string[];
  launch?: LaunchOptions;
  /** Print the PDF link in a running Chrome (its DevTools WebSocket URL) instead of launching one. */
  browserWs?: string;
  timeoutMs?: number;
  /** Told about each change seen, for --verbose. */
  onChange?: (file: string) => void;
}

export interface PreviewServer {
  url: string;
  /** Renders in flight (for tests of the bound). */
  readonly rendering: number;
  close(): Promise<void>;
}

/** What a caller may leave out; the port is any free one (the CLI's default is its own, 4173). */
const PREVIEW_DEFAULTS = { host: DEFAULTS.host, port: 0, sizes: DEFAULTS.sizes, concurrency: DEFAULTS.previewConcurrency };

function serve(handlers: Handlers): http.Server {
  return http.createServer((request, response) => {
    const route = routePreview(request.method ?? 'GET', request.url ?? '/');
    const handler = handlers[route.kind] as (route: Route, request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>;
    handler(route, request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, asError(error));
      else response.destroy();
    });
  });
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const dataDir = path.resolve(options.dataDir);
  const { host, port, sizes, concurrency, workers = concurrency } = withDefaults(PREVIEW_DEFAULTS, options);
  const limit = pLimit(Math.max(1, concurrency));
  let rendering = 0;
  const bounded = <T>(work: () => Promise<T>): Promise<T> =>
    limit(async () => {
      rendering++;
      try {
        return await work();
      } finally {
        rendering--;
      }
    });
  const state = await createPreviewState(options.loadSettings);
  const renderer = createCardRenderer({ workers: Math.max(1, workers) });
  const printer = createOnDemandPrinter({ concurrency: Math.max(1, concurrency), ...(options.launch ? { launch: options.launch } : {}), ...(options.browserWs ? { browserWs: options.browserWs } : {}) });
  const events = createChangeEvents();
  const server = serve(
    createHandlers({
      dataDir,
      state,
      sizes,
      ...(options.sections ? { sections: options.sections } : {}),
      ...(options.engine ? { engine: options.engine } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      renderer,
      printer,
      events,
      bounded,
    }),
  );

  const url = await listen(server, host, port);
  const watcher = await watchSources({
    dataDir,
    sources: () => [dataDir, state.settings?.templatesDir, state.settings?.layoutsDir, ...(options.settingsFiles ?? [])],
    ...(options.onChange ? { onChange: options.onChange } : {}),
    onRecords: (slugs) => slugs.forEach((slug) => events.broadcast(slug)),
    onEverything: async () => {
      await state.reload();
      events.broadcast('*');
    },
  });

  return {
    url,
    get rendering() {
      return rendering;
    },
    async close() {
      events.close();
      await watcher.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await renderer.close();
      await printer.close();
    },
  };
}
