// pa11y (HTML_CodeSniffer, WCAG 2 AA), as a reviewer runs it, over each address
// given as an argument, in one Debian Chromium (Puppeteer's own is not
// downloaded). Prints {address: [error, ...]} as JSON; tests/test_outside_checkers.py reads it.
"use strict";
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

(async () => {
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
  const found = {};
  try {
    for (const address of process.argv.slice(2)) {
      const result = await pa11y(address, { browser, standard: "WCAG2AA", runners: ["htmlcs"],
                                             includeWarnings: false, timeout: 60000 });
      found[address] = result.issues.map(issue => `${issue.code}: ${issue.message} (${issue.selector})`);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found));
})().catch(error => { console.error(error); process.exit(2); });
