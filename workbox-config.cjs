// Workbox (npm workbox-cli, pinned in package-lock.json) writes the web edition's
// service worker after each `make build`: every page, the search index, styles,
// scripts and images are precached on the first visit, so the guide works with
// no network afterwards. The handout PDFs and the kiosk zip are left out (large,
// and for printing or another machine). SITE_DIR is the folder just built.
const site = process.env.SITE_DIR || "site";
// Every language the build made, the source (at the root) first: "en es".
const [, ...translations] = (process.env.GUIDE_LANGUAGES || "en").split(/\s+/).filter(Boolean);

module.exports = {
  globDirectory: site,
  globPatterns: ["**/*.{html,js,css,json,svg,png,webmanifest}"],
  globIgnores: [
    "sw.js", "**/*.pdf", "**/*.zip", "**/404.html",
    // lunr's files for other languages' search: English search needs none of
    // them, and each translation only its own stemmer and lunr's support for it.
    "assets/javascripts/lunr/**",
    ...translations.flatMap((language) => [
      `${language}/assets/javascripts/lunr/*.js`,
      `${language}/assets/javascripts/lunr/min/!(lunr.stemmer.support|lunr.${language}).min.js`,
    ]),
  ],
  swDest: `${site}/sw.js`,
  // One file, nothing fetched from a CDN.
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  // A new version takes over on the next visit; old caches are cleared.
  skipWaiting: true,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  // "causes/" is causes/index.html; Material's search adds ?h=word to the
  // address it opens, which must not miss the cache.
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/^h$/, /^utm_/],
};
