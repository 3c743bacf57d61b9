// Rebuilds marsad's shipped web assets from npm packages:
//   - internal/web/static/fonts/*.woff2   (Noto Naskh Arabic, Noto Sans Arabic; SIL OFL 1.1)
//   - internal/web/geodata/countries.json.gz (world-atlas countries-50m, Natural Earth, public domain)
// The country file is compact: each ring is a flat list of integers in
// hundredths of a degree, delta-encoded ([x0, y0, dx1, dy1, ...]), so the Go
// server can draw outlines for any map extent without a tile server.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const web = join(here, "..", "..", "internal", "web");
const nm = join(here, "node_modules");

// Fonts: the arabic and latin subsets, regular and bold.
const fonts = join(web, "static", "fonts");
mkdirSync(fonts, { recursive: true });
for (const fam of ["noto-naskh-arabic", "noto-sans-arabic"]) {
  for (const sub of ["arabic", "latin"]) {
    for (const w of ["400", "700"]) {
      const f = `${fam}-${sub}-${w}-normal.woff2`;
      copyFileSync(join(nm, "@fontsource", fam, "files", f), join(fonts, f));
    }
  }
}

// Countries.
const topo = JSON.parse(readFileSync(join(nm, "world-atlas", "countries-50m.json"), "utf8"));
const fc = feature(topo, topo.objects.countries);
const q = (v) => Math.round(v * 100);
const countries = [];
for (const f of fc.features) {
  if (!f.geometry) continue;
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const poly of polys) {
    for (const ring of poly) {
      const out = [];
      let px = 0, py = 0;
      for (const [lon, lat] of ring) {
        const x = q(lon), y = q(lat);
        if (out.length && x === px && y === py) continue;
        out.push(x - px, y - py);
        px = x; py = y;
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
      if (out.length >= 6) rings.push(out);
    }
  }
  countries.push({ id: f.id ?? "", name: f.properties?.name ?? "", bbox: [minX, minY, maxX, maxY], rings });
}
const doc = { source: "world-atlas 2.0.2 countries-50m.json (Natural Earth 1:50m, public domain)", unit: 0.01, countries };
const out = join(web, "geodata");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "countries.json.gz"), gzipSync(Buffer.from(JSON.stringify(doc)), { level: 9 }));
console.log(`countries: ${countries.length}`);
