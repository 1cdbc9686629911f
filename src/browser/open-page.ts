/**
 * Every page casefile prints in is opened in a window of its own. Pages opened as tabs share one
 * window and only the last is the visible tab; Chromium prints a hidden tab differently: the
 * same pixels and text, but other content streams (a visible page's print also records content
 * that lies off each sheet, e.g. the contents page's dotted leaders on every sheet). With tabs,
 * whichever pooled page was in front would decide a dossier's bytes. A window per page keeps
 * every page visible, so a dossier prints the same on a pooled page beside another, on a reused
 * one, or alone.
 */
import type { CreatePageOptions, Page } from 'puppeteer-core';

export interface PageSource {
  newPage(options?: CreatePageOptions): Promise<Page>;
}

export function openVisiblePage(source: PageSource): Promise<Page> {
  return source.newPage({ type: 'window' });
}
