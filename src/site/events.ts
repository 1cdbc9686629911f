/** What a build tells its caller as it goes: the CLI turns these into a progress bar or log lines. */
import type { CasefileError } from '../errors.js';

export type OutputStatus = 'made' | 'skipped' | 'failed';

export interface OutputEvent {
  record: string;
  kind: 'dossier' | 'card';
  /** Relative to the out folder; absent when a record failed before its outputs were planned. */
  path?: string;
  status: OutputStatus;
  error?: CasefileError;
}

export interface BuildEvents {
  onPlanned?(total: number): void;
  onOutput?(event: OutputEvent): void;
  onWarning?(message: string): void;
  /** Detail for --verbose: the browser used, requests the page was refused, stale files cleaned up. */
  onInfo?(message: string): void;
}
