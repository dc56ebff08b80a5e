// Checks on what the manifest contributes, against the real VS Code it runs in.
import * as assert from 'assert';
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
});
