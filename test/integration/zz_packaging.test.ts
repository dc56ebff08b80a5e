// Checks on what the manifest contributes, against the real VS Code it runs in.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

interface Keybinding { key: string; command: string; mac?: string }

describe('manifest', () => {
  it('binds Log Mistake to keys no default VS Code keybinding uses', async () => {
    const manifest = vscode.extensions.getExtension('candor.candor')!.packageJSON as { contributes: { keybindings: Keybinding[] } };
    const ours = manifest.contributes.keybindings.find((k) => k.command === 'candor.logMistake');
    assert.ok(ours, 'a keybinding for Log Mistake');
    const defaults = (await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'))).getText();
    const used = new Set([...defaults.matchAll(/"key":\s*"([^"]+)"/g)].map((m) => m[1].toLowerCase()));
    assert.ok(used.size > 200, `read ${used.size} default keybindings`);
    // Neither the whole chord nor its first part may be taken (a taken first part would swallow it).
    const first = ours.key.toLowerCase().split(' ')[0];
    assert.ok(!used.has(ours.key.toLowerCase()), `${ours.key} is a default keybinding`);
    assert.ok(!used.has(first), `${first} is a default keybinding`);
  });

  it('contributes a walkthrough whose steps point at real commands', async () => {
    const manifest = vscode.extensions.getExtension('candor.candor')!.packageJSON as { contributes: { walkthroughs: { steps: { completionEvents: string[] }[] }[] } };
    const events = manifest.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => s.completionEvents));
    await vscode.extensions.getExtension('candor.candor')!.activate();
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const event of events.filter((e) => e.startsWith('onCommand:'))) {
      assert.ok(commands.has(event.slice('onCommand:'.length)), event);
    }
  });

  it('takes every %key% of the manifest from package.nls.json, which has no unused key', () => {
    const extension = vscode.extensions.getExtension('candor.candor')!;
    const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(extension.extensionPath, name), 'utf8'));
    const nls = read('package.nls.json') as Record<string, string>;
    const referenced = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') {
        // VS Code replaces a value only when the whole string is one reference.
        const match = /^%(.+)%$/.exec(value);
        if (match) {
          referenced.add(match[1]);
        }
      } else if (value && typeof value === 'object') {
        Object.values(value).forEach(collect);
      }
    };
    collect(read('package.json'));
    assert.ok(referenced.size > 40, `found ${referenced.size} references`);
    assert.deepStrictEqual([...referenced].filter((key) => typeof nls[key] !== 'string'), [], 'references missing from package.nls.json');
    assert.deepStrictEqual(Object.keys(nls).filter((key) => !referenced.has(key)), [], 'unused keys in package.nls.json');
    // The API's packageJSON is the manifest after VS Code put the texts in.
    const commands = (extension.packageJSON as { contributes: { commands: { command: string; title: string; category?: string }[] } }).contributes.commands;
    const unresolved = commands.filter((c) => c.title.startsWith('%') || c.category?.startsWith('%')).map((c) => c.command);
    assert.deepStrictEqual(unresolved, [], 'commands whose title or category was not resolved');
  });
});
