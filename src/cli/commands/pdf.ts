import { spawn } from 'node:child_process';
import type { CommandModule } from 'yargs';
import { DOSSIER_FLOWS, type DossierFlow } from '../../dossier/flow.js';
import { PAPER_NAMES, type PaperName } from '../../dossier/paper.js';
import { dataFolderSlugs } from '../../record/data-folder.js';
import type { GlobalArgs } from '../options.js';
import type { CommandContext } from '../context.js';
import { printEach, printOptions, resolvePrintSettings, type PrintArgs } from '../print-options.js';
import { settingsOptions } from '../settings.js';

interface PdfArgs extends PrintArgs {
  paper: PaperName;
  templates?: string;
  layout?: DossierFlow;
}

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
      printOptions(settingsOptions(yargs, { cardLayouts: false }), { sheet: 'page', qrCodeWhere: 'in the footer', timeoutSeconds: 60 })
        .option('paper', { choices: PAPER_NAMES, default: 'a4' as PaperName, describe: 'Paper size (default: the config file\'s, else a4)' })
        .option('templates', { type: 'string', describe: 'Folder of your own templates; built-in ones fill the gaps' })
        .option('layout', { choices: DOSSIER_FLOWS, describe: 'sheets: each section opens a sheet (default); compact: sections run on, for home printers' })
        .example('$0 pdf lead-infrastructure-engineer', 'Print out/lead-infrastructure-engineer.pdf')
        .example('$0 pdf sdet enterprise-architect --paper letter', 'Two dossiers on US Letter')
        .example('$0 pdf sdet --paper a3 --bleed 3mm --crop-marks', 'Print-shop ready: A3 with bleed and trim marks')
        .example('$0 pdf lead-infrastructure-engineer --layout compact', 'Sections run on: fewer sheets for a home printer')
        .example('$0 pdf ./drafts/role.json --out-dir build --templates my-templates', 'A draft, in your own templates')
        .example('$0 pdf ~/pages/sre.txt', 'A FILE RECORD page text: out/<the slug its text gives>.pdf') as never,
    handler: async (args) => {
      const { reporter } = context;
      const { settings, bleedMm, timeoutMs, qr, browserWs } = await resolvePrintSettings(args, argv);
      const paper = settings.given('paper') ? args.paper : ((settings.config.paper as PaperName | undefined) ?? args.paper);
      const layout = args.layout ?? settings.config.layout;
      // Loaded here, not at start-up: --help, --version and usage errors need no PDF code.
      const { makeDossier } = await import('../../api/dossier.js');
      // Page texts link their bare arrows to the data folder's records: its slugs are read once.
      const knownSlugs = await dataFolderSlugs(settings.dataDir);
      const made = await printEach(
        context,
        args,
        browserWs,
        (reference, pages, pool) =>
          makeDossier(reference, {
            dataDir: settings.dataDir,
            knownSlugs,
            outDir: settings.outDir,
            paper,
            landscape: args.landscape,
            bleedMm,
            cropMarks: args.cropMarks,
            ...(layout ? { layout } : {}),
            timeoutMs,
            ...(qr ? { qr } : {}),
            browser: pages,
            pages: pool,
            ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
            ...(settings.theme ? { theme: settings.theme } : {}),
          }),
        (result) => {
          for (const url of result.blockedRequests) reporter.debug(`blocked request: ${url}`);
          reporter.info(`${reporter.green('✓')} ${result.output} (${Math.round(result.bytes / 1024)} KB)`);
          if (args.open) openFile(result.output);
        },
      );
      reporter.result({ outputs: made });
    },
  };
}
