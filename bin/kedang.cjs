#!/usr/bin/env node
// The admin CLI runs the built bundle so it shares exactly the desktop app's services.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('kedang: out/main/cli.js is missing; run `npm run build` first.\n');
  process.exit(1);
}
require(cli);
