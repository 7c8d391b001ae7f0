// Copies third-party browser files from node_modules into the theme's static folder,
// so the app serves them itself (no CDN) and node_modules is never committed.
//
// Alpine's CSP build reads every property of `globalThis` when it starts, to know the globals
// its expressions may use. Reading `fence` makes Chromium report the deprecated Fenced Frames
// API (Lighthouse counts it against "best practices"), so the copy skips `fence` the way
// Alpine already skips `styleMedia` and `sharedStorage`. The build fails if that code changes,
// so an Alpine upgrade cannot silently drop the fix.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const ALPINE = "node_modules/@alpinejs/csp/dist/cdn.min.js";
const SKIPPED = 'e==="styleMedia"||e==="sharedStorage"';

mkdirSync("../static/js/vendor", { recursive: true });
const alpine = readFileSync(ALPINE, "utf8");
if (!alpine.includes(SKIPPED)) {
  throw new Error(`${ALPINE}: the globals Alpine skips have changed; review copy-vendor.mjs`);
}
writeFileSync(
  "../static/js/vendor/alpine-csp.min.js",
  alpine.replace(SKIPPED, `${SKIPPED}||e==="fence"`),
);
console.log(`copied ${ALPINE} -> ../static/js/vendor/alpine-csp.min.js (skipping globalThis.fence)`);
