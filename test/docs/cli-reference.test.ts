/**
 * docs/cli.md against the CLI itself, both ways. Everything comes from the live --help output
 * (the commands, each command's options), never from a list kept here, so a command or option
 * added, renamed or removed fails this test until docs/cli.md says so:
 * - every command in `casefile --help` has a `## casefile <command>` section in docs/cli.md, and
 *   the README names it; every such section is a command that exists;
 * - every option in `casefile <command> --help` is documented (as `--flag` in backticks) in that
 *   command's section, or, for the options every command takes, in "Options every command takes";
 * - every `--flag` a command's section mentions is one of that command's options.
 * Needs dist/ (npm run build).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { flagsDocumented, flagsMentioned, sections } from './markdown.js';

const GLOBAL_SECTION = 'Options every command takes';

/** The lines of one `Header:` block of yargs' help (up to the next unindented line). */
function helpBlock(help: string, header: string): string[] {
  const lines = help.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${header}:`);
  if (start === -1) return [];
  const end = lines.findIndex((line, index) => index > start && /^\S/.test(line));
  return lines.slice(start + 1, end === -1 ? lines.length : end);
}

/**
 * The long option names of a help text: an option line starts with its flags (`-q, --quiet`,
 * or `--layout, --flow` for an alias) before the description. Continuation lines of a
 * description are indented further and never start with a flag.
 */
function helpOptions(help: string): Set<string> {
  const names = new Set<string>();
  for (const line of helpBlock(help, 'Options')) {
    if (!/^ {1,8}-/.test(line)) continue;
    const flags = line.trim().split(/\s{2,}/)[0]!;
    for (const flag of flags.split(/,\s*/)) {
      const match = /^--([a-z0-9][a-z0-9-]*)$/i.exec(flag.trim());
      if (match) names.add(match[1]!);
    }
  }
  return names;
}

/** The commands `casefile --help` lists: `casefile <name> …` lines of its Commands block. */
function helpCommands(help: string): string[] {
  return helpBlock(help, 'Commands').flatMap((line) => {
    const match = /^\s+casefile ([a-z][a-z0-9-]*)/.exec(line);
    return match ? [match[1]!] : [];
  });
}

/** A documented flag may be the negation yargs accepts for a boolean: `--no-prune` for `--prune`. */
function exists(flag: string, options: ReadonlySet<string>): boolean {
  return options.has(flag) || (flag.startsWith('no-') && options.has(flag.slice(3)));
}

const cliDoc = readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** `## casefile pdf` → 'pdf' (backticks and anything after the name allowed). */
const commandSections = new Map(
  [...sections(cliDoc, 2)].flatMap(([heading, body]) => {
    const match = /^`?casefile ([a-z][a-z0-9-]*)/.exec(heading);
    return match ? [[match[1]!, body] as const] : [];
  }),
);

let commands: string[] = [];
let globalOptions = new Set<string>();
const commandOptions = new Map<string, Set<string>>();

beforeAll(() => {
  const top = runCli(['--help']);
  expect(top.status, top.stderr).toBe(0);
  commands = helpCommands(top.stdout);
  globalOptions = helpOptions(top.stdout);
  for (const command of commands) {
    const help = runCli([command, '--help']);
    expect(help.status, `casefile ${command} --help: ${help.stderr}`).toBe(0);
    commandOptions.set(command, helpOptions(help.stdout));
  }
  // One process per command, one after another: on a loaded machine each can take seconds.
}, 300_000);

describe('reading --help', () => {
  it('takes every long flag of an option line, aliases included, and nothing from descriptions or examples', () => {
    const help = [
      'casefile pdf <records..>',
      '',
      'Options:',
      '  -q, --quiet     Print nothing but errors                [boolean]',
      '      --layout, --flow  sheets or compact (--paper is another option)',
      '                  continued, naming --engine in passing',
      '',
      'Examples:',
      '  casefile pdf sdet --paper letter   Two dossiers',
    ].join('\n');
    expect([...helpOptions(help)].sort()).toEqual(['flow', 'layout', 'quiet']);
  });
});

describe('docs/cli.md and README.md against --help', () => {
  it('reads the commands and options from --help', () => {
    // Guards the parsing, not the command list: a help format this test no longer reads fails here.
    expect(commands.length).toBeGreaterThan(0);
    expect(globalOptions.has('help')).toBe(true);
    for (const command of commands) expect(commandOptions.get(command)?.has('help'), command).toBe(true);
  });

  it('has a section for every command, and no section for a command that does not exist', () => {
    const missing = commands.filter((command) => !commandSections.has(command));
    expect(missing, 'commands in --help with no "## casefile <command>" section in docs/cli.md').toEqual([]);
    const stale = [...commandSections.keys()].filter((command) => !commands.includes(command));
    expect(stale, 'sections in docs/cli.md for commands --help does not list').toEqual([]);
  });

  it('documents the options every command takes', () => {
    const body = sections(cliDoc, 2).get(GLOBAL_SECTION);
    expect(body, `docs/cli.md has a "## ${GLOBAL_SECTION}" section`).toBeDefined();
    const documented = flagsDocumented(body ?? '');
    expect([...globalOptions].filter((flag) => !documented.has(flag)).map((flag) => `--${flag}`)).toEqual([]);
    expect([...flagsMentioned(body ?? '')].filter((flag) => !exists(flag, globalOptions)).map((flag) => `--${flag}`)).toEqual([]);
  });

  it('documents every option of every command in that command\'s section', () => {
    const undocumented: string[] = [];
    for (const command of commands) {
      const documented = flagsDocumented(commandSections.get(command) ?? '');
      for (const flag of commandOptions.get(command) ?? []) {
        if (documented.has(flag) || globalOptions.has(flag)) continue;
        undocumented.push(`casefile ${command} --${flag}`);
      }
    }
    expect(undocumented, 'options in --help that docs/cli.md does not document under their command').toEqual([]);
  });

  it('mentions no option a command does not take', () => {
    const unknown: string[] = [];
    for (const command of commands) {
      const options = commandOptions.get(command) ?? new Set<string>();
      for (const flag of flagsMentioned(commandSections.get(command) ?? '')) {
        if (!exists(flag, options)) unknown.push(`casefile ${command} --${flag}`);
      }
    }
    expect(unknown, 'options docs/cli.md gives a command that its --help does not list').toEqual([]);
  });

  it('names every command in the README', () => {
    const unnamed = commands.filter((command) => !new RegExp(`casefile ${command}(?![\\w-])`).test(readme));
    expect(unnamed, 'commands README.md never shows as `casefile <command>`').toEqual([]);
  });
});
