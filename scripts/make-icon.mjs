#!/usr/bin/env node
/**
 * Draws the extension's icon, `images/icon.png` (128×128): a speech bubble holding a waveform
 * between timestamp brackets, i.e. speech, time, and the text in between.
 *
 *   node scripts/make-icon.mjs [--out images/icon.png]
 *
 * Shapes are described as distance functions and sampled 4×4 per pixel, so edges are smooth
 * without a drawing library; pngjs only encodes the pixels.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';

const SIZE = 128;
const SAMPLES = 4;

/** @typedef {number[]} Rgb Red, green and blue, 0 to 255. */
/** @typedef {[number, number]} Point */

const BUBBLE_TOP = [79, 70, 229]; // indigo
const BUBBLE_BOTTOM = [49, 46, 129];
const WHITE = [255, 255, 255];
const AMBER = [251, 191, 36];

/**
 * Signed distance to a rounded rectangle (negative inside).
 * @param {number} x
 * @param {number} y
 * @param {number} left
 * @param {number} top
 * @param {number} right
 * @param {number} bottom
 * @param {number} radius
 */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - ((right - left) / 2 - radius);
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/**
 * Signed distance to a segment drawn with round ends and the given half-width.
 * @param {number} x
 * @param {number} y
 * @param {number} ax
 * @param {number} ay
 * @param {number} bx
 * @param {number} by
 * @param {number} halfWidth
 */
function capsule(x, y, ax, ay, bx, by, halfWidth) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - halfWidth;
}

/**
 * True inside the triangle a-b-c (any winding).
 * @param {number} x
 * @param {number} y
 * @param {Point} a
 * @param {Point} b
 * @param {Point} c
 */
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  /**
   * @param {number} px
   * @param {number} py
   * @param {number} qx
   * @param {number} qy
   */
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** Bar heights of the waveform, loud in the middle like a spoken phrase. */
const BARS = [10, 20, 32, 24, 40, 28, 16, 26, 12];
const BAR_GAP = 8;
const BAR_HALF_WIDTH = 2.8;
const WAVE_CENTER_Y = 56;

/**
 * The colour at one sample point, or undefined where the icon is transparent.
 * @param {number} x
 * @param {number} y
 * @returns {Rgb | undefined}
 */
function colorAt(x, y) {
  const inBubble = roundedRect(x, y, 6, 12, 122, 100, 24) <= 0 || inTriangle(x, y, [28, 92], [18, 122], [58, 92]);
  if (!inBubble) return undefined;

  // Timestamp brackets, `[` on the left and `]` on the right of the waveform.
  const stroke = 3.2;
  const bracket = (/** @type {-1 | 1} */ side) => {
    const xs = side < 0 ? 22 : 106;
    const lip = xs - side * 9;
    return Math.min(capsule(x, y, xs, 32, xs, 80, stroke), capsule(x, y, xs, 32, lip, 32, stroke), capsule(x, y, xs, 80, lip, 80, stroke));
  };
  if (bracket(-1) <= 0 || bracket(1) <= 0) return WHITE;

  const firstBarX = 64 - ((BARS.length - 1) * BAR_GAP) / 2;
  for (let i = 0; i < BARS.length; i++) {
    const bx = firstBarX + i * BAR_GAP;
    const half = BARS[i] / 2;
    if (capsule(x, y, bx, WAVE_CENTER_Y - half, bx, WAVE_CENTER_Y + half, BAR_HALF_WIDTH) <= 0) {
      // The loudest bars in amber: the part of the speech a reader's eye goes to.
      return i === 4 || i === 3 || i === 5 ? AMBER : WHITE;
    }
  }

  const t = Math.max(0, Math.min(1, (y - 12) / (122 - 12)));
  return BUBBLE_TOP.map((top, c) => Math.round(top + (BUBBLE_BOTTOM[c] - top) * t));
}

export function drawIcon() {
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const color = colorAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const at = (py * SIZE + px) * 4;
      png.data[at] = covered ? Math.round(r / covered) : 0;
      png.data[at + 1] = covered ? Math.round(g / covered) : 0;
      png.data[at + 2] = covered ? Math.round(b / covered) : 0;
      png.data[at + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return PNG.sync.write(png);
}

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png'));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, drawIcon());
process.stdout.write(`Wrote ${out}\n`);
