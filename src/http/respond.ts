/** How casefile's servers answer: a body with its type, and an error in the CLI's words with the status it deserves. */
import type http from 'node:http';
import { CasefileError, errorLines, isCasefileError, type ErrorCode } from '../errors.js';

export function asError(error: unknown): CasefileError {
  if (isCasefileError(error)) return error;
  return new CasefileError('E_RENDER', error instanceof Error ? error.message.split('\n')[0]! : String(error), { cause: error });
}

/** The CLI's words: `error: file:line:col: message`. */
export function cliWords(error: CasefileError): string[] {
  const [first, ...rest] = errorLines(error);
  return [`error: ${first}`, ...rest];
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  E_NOT_FOUND: 404,
  E_SLUG: 400,
  E_PATH: 400,
  // A size, scale or format outside what `cards` accepts.
  E_USAGE: 400,
  E_BUSY: 503,
  E_TIMEOUT: 504,
};

/** Bad data, a failed render, a crashed worker or browser: the server's fault, 500. */
export function statusFor(error: CasefileError): number {
  return STATUS_BY_CODE[error.code] ?? 500;
}

export function send(response: http.ServerResponse, status: number, type: string, body: string | Uint8Array, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', ...headers });
  response.end(body);
}

export function sendError(response: http.ServerResponse, error: CasefileError): void {
  send(response, statusFor(error), 'text/plain; charset=utf-8', cliWords(error).join('\n'));
}
