// The cheapest proof that the built extension loads in a real VS Code and activates cleanly.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('activates the candor.candor extension', async () => {
    const ext = vscode.extensions.getExtension('candor.candor');
    assert.ok(ext, 'extension candor.candor is not installed in the test instance');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});
