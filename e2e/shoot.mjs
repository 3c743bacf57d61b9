// Screenshots of arbitrary pages, for looking at layout by hand:
//   node e2e/shoot.mjs BASE OUTDIR PATH...
import { chromium } from "playwright-core";
import { join } from "node:path";
const [base, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
const width = Number(process.env.WIDTH || 1280);
const page = await browser.newPage({ viewport: { width, height: Number(process.env.HEIGHT || 900) } });
for (const [i, p] of paths.entries()) {
  await page.goto(base + p);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(out, `${String(i).padStart(2, "0")}.png`), fullPage: process.env.FULL !== "0" });
  console.log(i, p);
}
await browser.close();
