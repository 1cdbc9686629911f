import { spawn } from 'node:child_process';
import type { CommandModule } from 'yargs';
import { DOSSIER_FLOWS, type DossierFlow } from '../../dossier/flow.js';
import { PAPER_NAMES, type PaperName } from '../../dossier/paper.js';
import { parseLengthMm } from '../../print/length.js';
import { closeOnInterrupt } from '../interrupt.js';
import { qrLink, resolveBrowserWs, timeoutMs, type GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';
import { loadRenderSettings, settingsOptions, type SettingsArgs } from '../settings.js';

interface PdfArgs extends SettingsArgs {
  records: string[];
  paper: PaperName;
  landscape: boolean;
  bleed: string;
  cropMarks: boolean;
  templates?: string;
  browser?: string;
  browserWs?: string;
  timeout: number;
  baseUrl?: string;
  qrUrl?: string;
  open: boolean;
  layout?: DossierFlow;
}

/** More bleed than this is a typo (say 3cm for 3mm), not a print-shop request. */
export const MAX_BLEED_MM = 25;

export function openFile(file: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [file], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}

export function pdfCommand(context: CommandContext, argv: readonly string[]): CommandModule<GlobalArgs, PdfArgs> {
  return {
    command: 'pdf <records..>',
    describe: 'Print dossier PDFs to <out-dir>/<slug>.pdf',
    builder: (yargs) =>
      settingsOptions(yargs, { cardLayouts: false })
        .positional('records', { type: 'string', array: true, demandOption: true, describe: 'Slugs or paths of record files' })
        .option('paper', { choices: PAPER_NAMES, default: 'a4' as PaperName, describe: 'Paper size (default: the config file\'s, else a4)' })
        .option('landscape', { type: 'boolean', default: false, describe: 'Turn the page sideways' })
        .option('bleed', { type: 'string', default: '0mm', describe: 'Print-shop bleed past the trim, e.g. 3mm or 0.125in' })
        .option('crop-marks', { type: 'boolean', default: false, describe: 'Draw trim marks outside the bleed' })
        .option('templates', { type: 'string', describe: 'Folder of your own templates; built-in ones fill the gaps' })
        .option('browser', { type: 'string', describe: 'Chrome or Chromium executable (else CASEFILE_BROWSER, PUPPETEER_EXECUTABLE_PATH, then the usual places)' })
        .option('browser-ws', { type: 'string', describe: 'Print in a running Chrome: its DevTools WebSocket URL (else CASEFILE_BROWSER_WS); casefile works in a context of its own and never closes that browser' })
        .option('timeout', { type: 'number', default: 60, describe: 'Seconds one dossier may take before it fails' })
        .option('open', { type: 'boolean', default: false, describe: 'Open the PDF when done' })
        .option('layout', { choices: DOSSIER_FLOWS, describe: 'sheets: each section opens a sheet (default); compact: sections run on, for home printers' })
        .option('base-url', { type: 'string', describe: 'Where the records are published: prints a QR code to <base-url>/<slug>/ on the footer' })
        .option('qr-url', { type: 'string', describe: 'The QR code\'s URL as a template, e.g. "{baseUrl}/roles/{slug}.html"' })
        .example('$0 pdf lead-infrastructure-engineer', 'Print out/lead-infrastructure-engineer.pdf')
        .example('$0 pdf sdet enterprise-architect --paper letter', 'Two dossiers on US Letter')
        .example('$0 pdf sdet --paper a3 --bleed 3mm --crop-marks', 'Print-shop ready: A3 with bleed and trim marks')
        .example('$0 pdf lead-infrastructure-engineer --layout compact', 'Sections run on: fewer sheets for a home printer')
        .example('$0 pdf ./drafts/role.json --out-dir build --templates my-templates', 'A draft, in your own templates') as never,
    handler: async (args) => {
      const { reporter } = context;
      // Options are checked before a browser starts.
      const bleedMm = parseLengthMm(args.bleed, '--bleed', MAX_BLEED_MM);
      const timeout = timeoutMs(args.timeout);
      const settings = await loadRenderSettings(args, argv);
      // The config's baseUrl and qrUrl print the same QR code the build's dossiers carry.
      const qr = qrLink(args.baseUrl ?? settings.config.baseUrl, args.qrUrl ?? settings.config.qrUrl);
      const paper = settings.given('paper') ? args.paper : ((settings.config.paper as PaperName | undefined) ?? args.paper);
      const layout = args.layout ?? settings.config.layout;
      const browserWs = resolveBrowserWs(args.browserWs, process.env, settings.config.browserWs, args.browser);
      // Loaded here, not at start-up: --help, --version and usage errors need no browser or PDF code.
      const [{ makeDossier }, { createDossierPrinter }] = await Promise.all([import('../../api/dossier.js'), import('../../build/printer.js')]);
      // One document at a time; a browser that crashes (or a remote one whose connection drops) is replaced and the document retried once.
      const printer = createDossierPrinter({
        concurrency: 1,
        launch: { ...(args.browser ? { explicitPath: args.browser } : {}), onInfo: (line) => reporter.debug(line) },
        ...(browserWs ? { browserWs } : {}),
      });
      const release = closeOnInterrupt(() => printer.close(), () => reporter.warn('interrupted: closing the browser; finished outputs are kept'));
      const made = [];
      try {
        for (const reference of args.records) {
          // Several records print one after another on the printer's warm page.
          const result = await printer.print((pages, pool) =>
            makeDossier(reference, {
              dataDir: settings.dataDir,
              outDir: settings.outDir,
              paper,
              landscape: args.landscape,
              bleedMm,
              cropMarks: args.cropMarks,
              ...(layout ? { layout } : {}),
              timeoutMs: timeout,
              ...(qr ? { qr } : {}),
              browser: pages,
              pages: pool,
              ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
              ...(settings.theme ? { theme: settings.theme } : {}),
            }),
          );
          made.push(result);
          for (const url of result.blockedRequests) reporter.debug(`blocked request: ${url}`);
          reporter.info(`${reporter.green('✓')} ${result.output} (${Math.round(result.bytes / 1024)} KB)`);
          if (args.open) openFile(result.output);
        }
      } finally {
        release();
        await printer.close();
      }
      reporter.result({ outputs: made });
    },
  };
}
