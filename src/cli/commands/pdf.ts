import { spawn } from 'node:child_process';
import type { Argv, CommandModule } from 'yargs';
import { PAPER_NAMES } from '../../dossier/paper.js';
import { dataFolderSlugs } from '../../record/data-folder.js';
import { DEFAULTS } from '../../settings/defaults.js';
import type { CommandContext } from '../context.js';
import { configOr, type ArgsOf, type GlobalArgs } from '../options.js';
import { flowOption, printCommandOptions, printEach, resolvePrintSettings } from '../print-options.js';

export function openFile(file: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [file], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}

function pdfOptions(yargs: Argv<GlobalArgs>) {
  const options = printCommandOptions(yargs, { sheet: 'page', qrCodeWhere: 'in the footer', timeoutMs: DEFAULTS.dossierTimeoutMs })
    .option('paper', { choices: PAPER_NAMES, defaultDescription: configOr(DEFAULTS.paper), describe: 'Paper size' })
    .option('templates', { type: 'string', describe: 'Folder of your own templates; built-in ones fill the gaps' });
  return flowOption(options, 'The dossier\'s flow. sheets: each section opens a sheet; compact: sections run on, for home printers')
    .example('$0 pdf lead-infrastructure-engineer', 'Print out/lead-infrastructure-engineer.pdf')
    .example('$0 pdf sdet enterprise-architect --paper letter', 'Two dossiers on US Letter')
    .example('$0 pdf sdet --paper a3 --bleed 3mm --crop-marks', 'Print-shop ready: A3 with bleed and trim marks')
    .example('$0 pdf lead-infrastructure-engineer --flow compact', 'Sections run on: fewer sheets for a home printer')
    .example('$0 pdf ./drafts/role.json --out-dir build --templates my-templates', 'A draft, in your own templates')
    .example('$0 pdf ~/pages/sre.txt', 'A FILE RECORD page text: out/<the slug its text gives>.pdf');
}

export function pdfCommand(context: CommandContext): CommandModule<GlobalArgs, ArgsOf<typeof pdfOptions>> {
  return {
    command: 'pdf <records..>',
    describe: 'Print dossier PDFs to <out-dir>/<slug>.pdf',
    builder: pdfOptions,
    handler: async (args) => {
      const { reporter } = context;
      const settings = await resolvePrintSettings('pdf', args, { paper: args.paper, flow: args.layout });
      // Loaded here, not at start-up: --help, --version and usage errors need no PDF code.
      const { makeDossier } = await import('../../api/dossier.js');
      // Page texts link their bare arrows to the data folder's records: its slugs are read once.
      const knownSlugs = await dataFolderSlugs(settings.dataDir);
      const made = await printEach(
        context,
        args.records,
        settings,
        (reference, browser, pool) =>
          makeDossier(reference, {
            dataDir: settings.dataDir,
            knownSlugs,
            outDir: settings.outDir,
            paper: settings.paper,
            landscape: settings.landscape,
            bleedMm: settings.bleedMm,
            cropMarks: settings.cropMarks,
            flow: settings.flow,
            timeoutMs: settings.dossierTimeoutMs,
            ...(settings.qr ? { qr: settings.qr } : {}),
            browser,
            pages: pool,
            ...(settings.templatesDir ? { templatesDir: settings.templatesDir } : {}),
            ...(settings.theme ? { theme: settings.theme } : {}),
          }),
        (result) => {
          for (const url of result.blockedRequests) reporter.debug(`blocked request: ${url}`);
          reporter.info(`${reporter.green('✓')} ${result.output} (${Math.round(result.bytes / 1024)} KB)`);
          if (settings.open) openFile(result.output);
        },
      );
      reporter.result({ outputs: made });
    },
  };
}
