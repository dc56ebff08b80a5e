// Loaded by mocha before the unit and CLI tests (.mocharc.json): the index cache's signing key
// goes to a folder of this run (child processes inherit it), never the user's own state folder.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

process.env.CANDOR_STATE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-state-'));
