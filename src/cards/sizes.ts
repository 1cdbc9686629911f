/**
 * Card sizes: the platform presets, `WxH` for anything else, and the shape a layout adapts to.
 * A size is validated here, before any font is read or worker started.
 */
import { CasefileError } from '../errors.js';

export const SIZE_PRESETS = {
  /** Open Graph: Facebook, LinkedIn previews, Slack, Discord, iMessage. The default. */
  og: { width: 1200, height: 630 },
  /** X / Twitter `summary_large_image`, 2:1. */
  x: { width: 1200, height: 600 },
  linkedin: { width: 1200, height: 627 },
  square: { width: 1080, height: 1080 },
  /** Instagram / TikTok stories and reels covers, 9:16. */
  story: { width: 1080, height: 1920 },
} as const;

export type SizePresetName = keyof typeof SIZE_PRESETS;
export const SIZE_PRESET_NAMES = Object.keys(SIZE_PRESETS) as SizePresetName[];
export const DEFAULT_SIZE: SizePresetName = 'og';

/** Smaller than this, no layout can hold the frame; larger, and one PNG could reach the 5 MB limit. */
export const MIN_SIDE = 200;
export const MAX_SIDE = 4096;
export const MIN_SCALE = 1;
export const MAX_SCALE = 4;
/** Pixels after scaling: story at 2x is 8.3 Mpx; this leaves room and bounds memory per render. */
export const MAX_PIXELS = 4096 * 4096;

export interface CardSize {
  /** The preset name, or `WxH` as typed (normalised, e.g. "800x800"). */
  name: string;
  width: number;
  height: number;
}

/** How a layout arranges itself: side by side, stacked but roomy, or one tall column. */
export type CardShape = 'wide' | 'square' | 'tall';

export function cardShape(width: number, height: number): CardShape {
  const ratio = width / height;
  if (ratio >= 1.4) return 'wide';
  if (ratio <= 0.75) return 'tall';
  return 'square';
}

const WXH = /^(\d{1,5})x(\d{1,5})$/;

function isPreset(name: string): name is SizePresetName {
  return Object.hasOwn(SIZE_PRESETS, name);
}

/** `og`, `story`, `800x418` … to a size; anything else is a usage error naming what is allowed. */
export function parseSize(text: string): CardSize {
  const name = text.trim().toLowerCase();
  if (isPreset(name)) return { name, ...SIZE_PRESETS[name] };
  const match = WXH.exec(name);
  if (!match) {
    throw new CasefileError(
      'E_USAGE',
      `Invalid card size ${JSON.stringify(text)}. Allowed values: ${SIZE_PRESET_NAMES.join(', ')} or WIDTHxHEIGHT in pixels (e.g. 800x418).`,
    );
  }
  const width = Number(match[1]);
  const height = Number(match[2]);
  for (const [side, value] of [['width', width], ['height', height]] as const) {
    if (value < MIN_SIDE || value > MAX_SIDE) {
      throw new CasefileError(
        'E_USAGE',
        `Invalid card ${side} in ${JSON.stringify(text)}. Allowed: ${MIN_SIDE} to ${MAX_SIDE} pixels. Received: ${value}.`,
      );
    }
  }
  return { name: `${width}x${height}`, width, height };
}

/** Whether `text` is a size `parseSize` takes (the config file's check). */
export function isCardSize(text: string): boolean {
  try {
    parseSize(text);
    return true;
  } catch {
    return false;
  }
}

export function parseScale(value: number | string): number {
  const scale = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new CasefileError(
      'E_USAGE',
      `Invalid card scale. Allowed: a number from ${MIN_SCALE} to ${MAX_SCALE} (2 for high-density screens). Received: ${JSON.stringify(value)}.`,
    );
  }
  return scale;
}

export function assertPixelBudget(size: CardSize, scale: number): void {
  const pixels = Math.round(size.width * scale) * Math.round(size.height * scale);
  if (pixels > MAX_PIXELS) {
    throw new CasefileError(
      'E_USAGE',
      `Invalid card size ${size.name} at scale ${scale}. Allowed: at most ${MAX_PIXELS} pixels per image. Received: ${pixels}.`,
    );
  }
}
