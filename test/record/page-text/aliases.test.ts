import { describe, expect, it } from 'vitest';
import { splitAliases } from '../../../src/record/page-text/aliases.js';
import { camelWordsIn, KNOWN_CAMEL_WORDS } from '../../../src/record/page-text/camel-words.js';

const split = (line: string, own: string[] = []) => splitAliases(line, new Set(own));

describe('splitAliases', () => {
  it('splits where a lower-case letter or a closing bracket runs into a capital', () => {
    expect(split('Principal Infrastructure EngineerInfrastructure ArchitectSenior Platform Engineer (sometimes)Cloud Operations Lead').aliases).toEqual([
      'Principal Infrastructure Engineer',
      'Infrastructure Architect',
      'Senior Platform Engineer (sometimes)',
      'Cloud Operations Lead',
    ]);
  });

  it('splits an acronym from the next alias before the last capital of the run', () => {
    expect(split('Head of Generative AIChief Prompt OfficerLLM Whisperer').aliases).toEqual(['Head of Generative AI', 'Chief Prompt Officer', 'LLM Whisperer']);
    expect(split('Staff SREPlatform Lead').aliases).toEqual(['Staff SRE', 'Platform Lead']);
  });

  it('keeps the trade\'s camel-case words whole', () => {
    const line = 'Staff DevOps EngineerMLOps WranglerGitHub Actions AdminPostgreSQL DBAMySQL GuruGraphQL GatekeeperSaaS OwnerYouTube Strategist';
    expect(split(line).aliases).toEqual([
      'Staff DevOps Engineer',
      'MLOps Wrangler',
      'GitHub Actions Admin',
      'PostgreSQL DBA',
      'MySQL Guru',
      'GraphQL Gatekeeper',
      'SaaS Owner',
      'YouTube Strategist',
    ]);
    for (const word of ['DevOps', 'GitOps', 'MLOps', 'FinOps', 'SaaS', 'PaaS', 'GitHub', 'GitLab', 'LinkedIn', 'PowerPoint', 'JavaScript', 'TypeScript', 'iOS', 'macOS', 'PostgreSQL', 'MySQL', 'NoSQL', 'GraphQL', 'YouTube', 'WordPress']) {
      expect(split(`Senior ${word} Lead`).aliases, word).toEqual([`Senior ${word} Lead`]);
    }
  });

  it('takes the record\'s own camel-case words as words', () => {
    expect(split('ZorbNet AdminTicket Router').aliases).toEqual(['Zorb', 'Net Admin', 'Ticket Router']);
    expect(split('ZorbNet AdminTicket Router', ['ZorbNet']).aliases).toEqual(['ZorbNet Admin', 'Ticket Router']);
    expect(camelWordsIn('Uses ServiceNow and IaC; says "DevOps" a lot. Plain words and ACRONYMS are not.')).toEqual(new Set(['ServiceNow', 'IaC', 'DevOps']));
  });

  it('does not take a known word for the front of a longer word', () => {
    expect(split('Head of LinkedInfrastructure').aliases).toEqual(['Head of Linked', 'Infrastructure']);
  });

  it('keeps words of the same make whole, and says it is unsure', () => {
    for (const [line, word] of [['Chief AcmeOps Officer', 'AcmeOps'], ['Head of zQuery Tools', 'zQuery']] as const) {
      const result = split(line);
      expect(result.aliases).toEqual([line]);
      expect(result.decisions.map((decision) => `${decision.kind} ${decision.message}`).join('\n')).toContain(`unsure`);
      expect(result.decisions[0]!.message).toContain(`"${word}"`);
    }
  });

  it('reports every split and every word it kept', () => {
    const { decisions } = split('Staff DevOps EngineerSRE Lead');
    expect(decisions.map((decision) => decision.kind)).toEqual(['kept', 'split']);
    expect(decisions[0]!.message).toContain('"DevOps"');
    expect(decisions[1]!.message).toContain('Engineer|SRE');
  });

  it('flags joins the rules leave alone: a digit or a lower-case word running on', () => {
    const digit = split('Tier 2Support Engineer');
    expect(digit.aliases).toEqual(['Tier 2Support Engineer']);
    expect(digit.decisions.some((decision) => decision.kind === 'unsure' && decision.message.includes('digit'))).toBe(true);
    const lower = split('Senior EngineeriOS Developer');
    expect(lower.aliases).toEqual(['Senior EngineeriOS Developer']);
    expect(lower.decisions.some((decision) => decision.kind === 'unsure' && decision.message.includes('"iOS"'))).toBe(true);
  });

  it('splits accented words by the same rules', () => {
    expect(split('Ingénieur RéseauChef de Projet').aliases).toEqual(['Ingénieur Réseau', 'Chef de Projet']);
  });

  it('lists only words that are camel-case', () => {
    expect(KNOWN_CAMEL_WORDS.filter((word) => camelWordsIn(word).size === 0)).toEqual([]);
  });
});
