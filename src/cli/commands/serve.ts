import type { Argv, CommandModule } from 'yargs';
import { PAPER_NAMES } from '../../dossier/paper.js';
import { parseEngine } from '../../cards/engines/engine.js';
import { parseQuality } from '../../cards/plan.js';
import { BOUNDS, DEFAULTS } from '../../settings/defaults.js';
import type { CommandContext } from '../context.js';
import { configOr, shown, timeoutMs, wholeNumber, type ArgsOf, type GlobalArgs } from '../options.js';
import { browserAndQrFlags, browserOptions, flowOption, qrAndBrowser, qrOptions } from '../print-options.js';
import { cardLayoutsOption, resolveSettings, settingsFlags, settingsOptions } from '../settings.js';

function serveOptions(yargs: Argv<GlobalArgs>) {
  const options = qrOptions(browserOptions(cardLayoutsOption(settingsOptions(yargs)), 'Print dossiers'), 'the dossiers carry a QR code to <base-url>/<slug>/, as `build` prints them')
    .option('port', { type: 'number', defaultDescription: shown(DEFAULTS.servePort), describe: 'Port to listen on (0: any free port)' })
    .option('host', { type: 'string', defaultDescription: shown(DEFAULTS.host), describe: 'Address to listen on; 0.0.0.0 for a load balancer to reach it' })
    .option('engine', { type: 'string', defaultDescription: configOr(DEFAULTS.engine), describe: 'What draws the cards: satori or takumi (faster, native)' })
    .option('quality', { type: 'number', defaultDescription: configOr(DEFAULTS.quality), describe: 'webp and jpeg quality, 1 to 100' })
    .option('templates', { type: 'string', describe: 'Folder of your own dossier templates' })
    .option('paper', { choices: PAPER_NAMES, defaultDescription: configOr(DEFAULTS.paper), describe: 'Dossier paper size' })
    .option('workers', { type: 'number', defaultDescription: 'the number of cores', describe: `Card worker processes (each draws two cards at a time) and pages printing at once, ${BOUNDS.concurrency.min} to ${BOUNDS.concurrency.max}` })
    .option('max-queue', { type: 'number', defaultDescription: shown(DEFAULTS.maxQueue), describe: `Renders waiting beyond those running; past it, 503 with Retry-After (${BOUNDS.maxQueue.min} to ${BOUNDS.maxQueue.max})` })
    .option('cache-mb', { type: 'number', defaultDescription: shown(DEFAULTS.cacheMb), describe: 'Megabytes of rendered files kept in memory, least recently used out first (0: none)' })
    .option('cache-dir', { type: 'string', describe: 'Folder where rendered files are also kept, to survive restarts' })
    .option('timeout', { type: 'number', defaultDescription: `${shown(DEFAULTS.cardTimeoutMs / 1000)} for a card, ${shown(DEFAULTS.dossierTimeoutMs / 1000)} for a dossier`, describe: 'Seconds a render may take; past it, 504' });
  return flowOption(options, 'The dossier\'s flow, as `build` prints it: sheets or compact')
    .example('$0 serve', 'http://127.0.0.1:8080/<slug>/cards/cover.png, /<slug>.pdf and /healthz')
    .example('$0 serve --host 0.0.0.0 --engine takumi --cache-dir /var/cache/casefile', 'Behind a load balancer, its cache kept across restarts');
}

type ServeArgs = ArgsOf<typeof serveOptions>;

export function serveCommand(context: CommandContext): CommandModule<GlobalArgs, ServeArgs> {
  return {
    command: 'serve',
    describe: 'Serve cards and dossiers on request at the paths `build` writes, with ETags, a bounded queue and caches',
    builder: serveOptions,
    handler: async (args) => {
      const { reporter } = context;
      const flags = {
        ...settingsFlags(args),
        ...browserAndQrFlags(args),
        engine: args.engine === undefined ? undefined : parseEngine(args.engine),
        quality: args.quality === undefined ? undefined : parseQuality(args.quality),
        paper: args.paper,
        flow: args.layout,
      };
      const port = wholeNumber('port', args.port, BOUNDS.port) ?? DEFAULTS.servePort;
      const workers = wholeNumber('workers', args.workers, BOUNDS.concurrency);
      const maxQueue = wholeNumber('max-queue', args['max-queue'], BOUNDS.maxQueue);
      const cacheMb = wholeNumber('cache-mb', args['cache-mb'], BOUNDS.cacheMb);
      const limit = args.timeout === undefined ? undefined : timeoutMs(args.timeout);
      const settings = await resolveSettings('serve', args, flags);
      const { qr, browserWs } = qrAndBrowser(settings, flags);
      const { startServer } = await import('../../serve/server.js');
      const server = await startServer({
        dataDir: settings.dataDir,
        host: args.host ?? DEFAULTS.host,
        port,
        engine: settings.engine,
        quality: settings.quality,
        paper: settings.paper,
        flow: settings.flow,
        ...(settings.theme ? { theme: settings.theme } : {}),
        ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
        ...(settings.cardLayoutsDir ? { layoutsDir: settings.cardLayoutsDir } : {}),
        ...(qr ? { qr } : {}),
        ...(workers !== undefined ? { workers } : {}),
        ...(maxQueue !== undefined ? { maxQueue } : {}),
        ...(cacheMb !== undefined ? { cacheBytes: cacheMb * 1024 * 1024 } : {}),
        ...(args['cache-dir'] ? { cacheDir: args['cache-dir'] } : {}),
        ...(limit !== undefined ? { cardTimeoutMs: limit, dossierTimeoutMs: limit } : {}),
        launch: { ...(settings.browser ? { explicitPath: settings.browser } : {}), onInfo: (line) => reporter.debug(line) },
        ...(browserWs ? { browserWs } : {}),
        // --quiet and --json turn the access log off (not just its printing: the line is never made).
        ...(args.quiet || args.json ? {} : { log: (line: string) => reporter.info(line) }),
        // Behind a 5xx: the whole story on stderr; the access line on stdout names the request.
        onError: (error) => reporter.error(error),
      });
      reporter.notice(`serve: ${server.url} (Ctrl-C or SIGTERM to stop)`);
      reporter.result({ url: server.url });
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      reporter.notice('serve: stopping; answering the requests in flight');
      await server.close();
      context.exitCode = 0;
    },
  };
}
