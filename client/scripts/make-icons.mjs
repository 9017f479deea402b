/*
 * Draws the web app manifest's PNG icons from the same mark as favicon.svg, in the machine's
 * Chromium (no image library needed): `node scripts/make-icons.mjs`, then commit public/icons/.
 * The maskable icons fill the whole square and keep the letters inside the central 80% a
 * launcher's mask may leave.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const OUT = fileURLToPath(new URL('../public/icons/', import.meta.url));
const PRIMARY = '#4338ca';

const mark = (size, maskable) => `
  <svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
    <rect width="64" height="64" rx="${maskable ? 0 : 14}" fill="${PRIMARY}"/>
    <text x="32" y="${maskable ? 40 : 42}" font-family="Arial, sans-serif"
      font-size="${maskable ? 20 : 26}" font-weight="700" fill="#fff" text-anchor="middle">AL</text>
  </svg>`;

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const size of [192, 512]) {
    for (const maskable of [false, true]) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${mark(size, maskable)}</body></html>`,
      );
      const name = `icon-${size}${maskable ? '-maskable' : ''}.png`;
      await page.screenshot({ path: `${OUT}${name}`, omitBackground: true });
      await page.close();
    }
  }
  const apple = await browser.newPage({ viewport: { width: 180, height: 180 } });
  // iOS rounds the corners itself and shows transparency as black: a full square.
  await apple.setContent(`<html><body style="margin:0">${mark(180, true)}</body></html>`);
  await apple.screenshot({ path: `${OUT}apple-touch-icon.png` });
} finally {
  await browser.close();
}
