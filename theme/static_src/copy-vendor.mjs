// Copies third-party browser files from node_modules into the theme's static folder,
// so the app serves them itself (no CDN) and node_modules is never committed.
import { copyFileSync, mkdirSync } from "node:fs";

const files = [
  ["node_modules/@alpinejs/csp/dist/cdn.min.js", "../static/js/vendor/alpine-csp.min.js"],
];
mkdirSync("../static/js/vendor", { recursive: true });
for (const [from, to] of files) {
  copyFileSync(from, to);
  console.log(`copied ${from} -> ${to}`);
}
