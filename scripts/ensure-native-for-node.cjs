#!/usr/bin/env node
/**
 * The encrypted-SQLite native module is built for one runtime at a time:
 * `npm start` rebuilds it for Electron (electron-builder install-app-deps),
 * while the tests and the CLI run in plain Node. This puts the Node build
 * back when the installed one does not load, so `npm test` and `npm start`
 * both work after one install, in either order.
 */
const { execSync } = require('node:child_process');

function loads() {
  try {
    const Database = require('better-sqlite3-multiple-ciphers');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    console.log(`native module does not load in Node ${process.version}: ${error.message.split('\n')[0]}`);
    return false;
  }
}

if (!loads()) {
  console.log('rebuilding better-sqlite3-multiple-ciphers for Node (a few minutes)…');
  execSync('npm rebuild better-sqlite3-multiple-ciphers', { stdio: 'inherit' });
  if (!loads()) process.exit(1);
}
