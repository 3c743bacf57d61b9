// Browser end-to-end test of `marsad serve`, in Debian's headless Chromium.
//
//   node e2e/run.mjs URL OUTDIR [INGEST_TOKEN]
//
// URL is a running server with the demo corpus; OUTDIR receives a screenshot
// of each page and the downloaded CSV. With INGEST_TOKEN, a malicious article
// is added through the ingest form first and checked to run no script.
// Prints one line per scenario and "N passed, N failed"; exits 1 on failure.
// Never downloads a browser: it uses /usr/bin/chromium (or $CHROMIUM).
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [base, outDir, token] = process.argv.slice(2);
if (!base || !outDir) {
  console.error("usage: node run.mjs URL OUTDIR [INGEST_TOKEN]");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--disable-dev-shm-usage"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: "ar" });
const page = await context.newPage();
page.setDefaultTimeout(15000);

// Anything that would show script ran, or a resource the CSP blocked.
const dialogs = [];
const consoleErrors = [];
const external = [];
page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
page.on("pageerror", (e) => consoleErrors.push(String(e)));
page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) external.push(r.url()); });

let passed = 0, failed = 0, skipped = 0;
class Skip extends Error {}
async function scenario(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    if (e instanceof Skip) {
      skipped++;
      console.log(`skip ${name}: ${e.message}`);
      return;
    }
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message.split("\n")[0] : e}`);
    try { await page.screenshot({ path: join(outDir, `fail-${name.replace(/\W+/g, "_")}.png`), fullPage: true }); } catch {}
  }
}
function check(cond, msg) { if (!cond) throw new Error(msg); }
async function shot(name) { await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true }); }

// Every page is Arabic and right-to-left, with the shipped fonts.
async function checkRTL() {
  const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  check(html.lang === "ar" && html.dir === "rtl", `html lang/dir = ${html.lang}/${html.dir}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 1, `page scrolls sideways by ${overflow}px`);
}

await scenario("home", async () => {
  const resp = await page.goto(base + "/");
  check(resp.ok(), `status ${resp.status()}`);
  await checkRTL();
  await page.evaluate(() => document.fonts.ready);
  const fontOK = await page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', "مرصد"));
  check(fontOK, "Noto Sans Arabic not loaded");
  await shot("01-home");
});

// What the analysis pipeline produced: entity and event scenarios need
// some (they come from the NER and event stages).
const stats = await (await context.request.get(base + "/api/stats")).json();
function need(what) {
  if (!stats[what]) throw new Skip(`the store has no ${what} (pipeline stage not built in)`);
}

let articleURL = "";
await scenario("search فائز السراج and open the result", async () => {
  await page.goto(base + "/search");
  await page.fill("#q", "فائز السراج");
  await Promise.all([page.waitForURL(/\/search\?/), page.press("#q", "Enter")]);
  await checkRTL();
  const hits = page.locator(".hit");
  check(await hits.count() > 0, "no results");
  check(await page.locator(".hit mark").count() > 0, "no highlighted snippet");
  await shot("02-search");
  const first = hits.first().locator("h2 a");
  const title = (await first.innerText()).trim();
  const href = await first.getAttribute("href");
  await Promise.all([page.waitForURL(/\/articles\//), first.click()]);
  check(new URL(page.url()).pathname === new URL(href, base).pathname, `opened ${page.url()}, result links ${href}`);
  const h1 = (await page.locator("h1").innerText()).trim();
  check(h1 === title, `article title ${JSON.stringify(h1)} != result ${JSON.stringify(title)}`);
  articleURL = page.url();
  check(/السراج/.test(await page.locator(".article-text").innerText()), "article text lacks السراج");
  await checkRTL();
  await shot("03-article");
});

await scenario("click an entity and see its page", async () => {
  need("entities");
  if (articleURL) await page.goto(articleURL);
  let link = page.locator(".article-text a.ent").first();
  if (await link.count() === 0) {
    await page.goto(base + "/entities");
    link = page.locator("a.entity-link").first();
  }
  check(await link.count() > 0, "no entity to click");
  const name = (await link.getAttribute("data-name")) || (await link.innerText()).trim();
  await Promise.all([page.waitForURL(/\/entities\/[^/?]+$/), link.click()]);
  await checkRTL();
  const h1 = (await page.locator("h1").innerText()).trim();
  check(h1.includes(name) || name.includes(h1), `entity page h1 ${JSON.stringify(h1)} for ${JSON.stringify(name)}`);
  check(await page.locator("#entity-articles li").count() > 0, "entity page lists no articles");
  await shot("04-entity");
});

let chosenType = "";
await scenario("filter events by type", async () => {
  need("events");
  await page.goto(base + "/events");
  await checkRTL();
  await shot("05-events");
  const options = await page.locator("#type option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  check(options.length > 0, "no event types to filter by");
  // The most frequent type in the store, so the filter has rows to show.
  chosenType = stats.event_types[0].key;
  check(options.includes(chosenType), `type ${chosenType} not offered in the filter`);
  await page.selectOption("#type", chosenType);
  await Promise.all([page.waitForURL(/type=/), page.click("#filter-submit")]);
  const types = await page.locator("#events-table tbody td.etype").evaluateAll((tds) => tds.map((t) => t.dataset.type));
  check(types.length > 0, `no events of type ${chosenType}`);
  check(types.every((t) => t === chosenType), `filter ${chosenType} shows ${[...new Set(types)].join(",")}`);
  // A timeline is drawn when some matching event has a date.
  const dated = await page.locator("#events-table tbody td.day").evaluateAll((tds) => tds.filter((t) => t.textContent.trim()).length);
  const timelines = await page.locator(".timeline svg").count();
  check(timelines === (dated > 0 ? 1 : 0), `${timelines} timeline(s) for ${dated} dated events on the page`);
  await shot("06-events-filtered");
});

await scenario("download the CSV", async () => {
  need("events");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const file = join(outDir, "events.csv");
  await download.saveAs(file);
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const lines = text.trim().split(/\r?\n/);
  check(lines.length >= 2, `CSV has ${lines.length} lines`);
  const header = lines[0].split(",");
  check(header.includes("event_type"), `CSV header: ${lines[0]}`);
  const col = header.indexOf("event_type");
  for (const l of lines.slice(1)) {
    // Quoted fields may hold commas; the type column is never quoted.
    const cells = l.split(",");
    check(cells[col] === chosenType, `CSV row of type ${cells[col]}, want ${chosenType}`);
  }
});

await scenario("map of event places", async () => {
  need("events");
  await page.goto(base + "/events");
  const map = page.locator(".map svg");
  check(await map.count() === 1, "no map");
  check(await page.locator(".map path.land").count() > 0, "map has no country outlines");
  check(await page.locator(".map circle.pt").count() > 0, "map has no places");
});

if (token) {
  await scenario("malicious article runs no script", async () => {
    await page.goto(base + "/ingest");
    await checkRTL();
    const payload = 'هجوم على <script>window.__xss = 1; alert("xss")</script> المدينة ' +
      '<img src=x onerror="window.__xss = 2; alert(2)"> و"><svg onload=alert(3)> قالت المصادر.';
    await page.fill("#token", token);
    await page.fill("#title", '<img src=x onerror="window.__xss=3">عنوان خبيث');
    await page.fill("#text", payload);
    await shot("07-ingest");
    await Promise.all([page.waitForURL(/\/ingest/), page.click("#ingest-submit")]);
    const link = page.locator(".ingested a").first();
    check(await link.count() === 1, "ingest gave no article link: " + (await page.locator("main").innerText()).slice(0, 200));
    await Promise.all([page.waitForURL(/\/articles\//), link.click()]);
    await page.waitForTimeout(300);
    const xss = await page.evaluate(() => window.__xss);
    check(xss === undefined, `script ran: window.__xss = ${xss}`);
    check(dialogs.length === 0, `dialog opened: ${dialogs.join(" | ")}`);
    const shown = await page.locator(".article-text").innerText();
    check(shown.includes("<script>") && shown.includes("onerror="), "markup not shown as text");
    check(await page.locator(".article-text script, .article-text img, .article-text svg").count() === 0, "markup became elements");
    await shot("08-malicious-article");
    await page.goto(base + "/search?q=" + encodeURIComponent("هجوم المدينة"));
    check(await page.evaluate(() => window.__xss) === undefined && dialogs.length === 0, "script ran on search page");
    await shot("09-malicious-search");
  });
}

await scenario("no external requests, no console errors", async () => {
  check(external.length === 0, `external requests: ${external.slice(0, 3).join(", ")}`);
  // The test's own 404 checks are not errors of the page.
  const real = consoleErrors.filter((e) => !/404|Failed to load resource/.test(e));
  check(real.length === 0, `console errors: ${real.slice(0, 3).join(" | ")}`);
});

await browser.close();
console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
