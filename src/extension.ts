// Wires Candor's features together; the logic lives in src/core and the feature folders.
import * as vscode from 'vscode';
import { COMMIT_SCHEME, CommitDocumentProvider } from './features/commits/commitDocument';
import { LearningsView } from './features/learnings/learningsView';
import { ReviewChangesCommand } from './features/review/reviewChangesCommand';
import { openLinkedFile, openNote, showCommit } from './features/learnings/navigationCommands';
import { NoteCommands } from './features/learnings/noteCommands';
import { copyPermalink } from './features/learnings/permalinkCommand';
import { LogMistakeCommand } from './features/logMistake/logMistakeCommand';
import { NoteEditor } from './features/notes/noteEdits';
import { NotesService } from './features/notes/notesService';
import type { LearningsTreeProvider } from './features/learnings/learningsTree';
import { createGitRunner } from './features/workspaceTrust';
import type { GitRunner } from './core/git/gitRunner';
import { FixCommits } from './features/commits/fixCommits';
import { LinkCommitCommand } from './features/commits/linkCommitCommand';
import { insertTrailer } from './features/commits/insertTrailerCommand';
import { FollowUpCommands } from './features/followUps/followUpCommands';
import { OverdueStatus } from './features/followUps/overdueStatus';
import { InsightsCommand, type InsightsArgs } from './features/insights/insightsCommand';
import { BuildSiteCommand, type BuildSiteArgs } from './features/site/buildSiteCommand';
import { BlamelessDiagnostics } from './features/disclosure/blamelessDiagnostics';
import { trackActiveNote } from './features/notes/activeNoteContext';
import { DisclosureCommands } from './features/disclosure/disclosureCommands';
import { DisclosureDrafts } from './features/disclosure/disclosureDrafts';
import { DISCLOSURE_SCHEME, DisclosurePreviewProvider } from './features/disclosure/disclosurePreview';
import { LinkedCode } from './features/code/linkedCode';
import { LearningHoverProvider } from './features/code/learningHover';
import { LearningCodeLensProvider } from './features/code/learningCodeLens';
import { LearningDecorations, LearningFileDecorations } from './features/code/learningDecorations';
import { ReanchorCommand } from './features/code/reanchorCommand';
import { RespondCommand } from './features/responses/respondCommand';
import { DigestCommand } from './features/digest/digestCommand';
import { MarkReviewedCommand } from './features/digest/markReviewedCommand';
import { ResponseNews } from './features/responses/responseNews';
import { ResponseAlerts } from './features/responses/responseAlerts';
import { FindSimilarCommand } from './features/similar/findSimilarCommand';
import { scriptArgument } from './features/commandArgs';
import { openFirstStepsOnce } from './features/firstSteps';

/** What the extension hands to its integration tests (and to other extensions). */
export interface CandorApi {
  /** The one git runner; its processCount lets tests check that none ran. */
  git: GitRunner;
  notes: NotesService;
  linked: LinkedCode;
  learnings: LearningsTreeProvider;
  view: LearningsView;
  overdue: OverdueStatus;
  blameless: BlamelessDiagnostics;
  /** New responses to the person's own notes, and the watcher and message about them. */
  responseNews: ResponseNews;
  responseAlerts: ResponseAlerts;
}

export function activate(context: vscode.ExtensionContext): CandorApi {
  const git = createGitRunner();
  const notes = new NotesService();
  const noteEditor = new NoteEditor(notes);
  const linked = new LinkedCode(notes, git);
  const fixes = new FixCommits(git);
  const learnings = new LearningsView(context, notes, noteEditor, git, linked, fixes);
  const linkCommit = new LinkCommitCommand(notes, noteEditor, git, fixes);
  const insights = new InsightsCommand(notes, git);
  const site = new BuildSiteCommand(notes, git);
  const overdue = new OverdueStatus(notes, context.globalState);
  const drafts = new DisclosureDrafts(git);
  const blameless = new BlamelessDiagnostics(notes);
  const findSimilar = new FindSimilarCommand(notes, git);
  const logMistake = new LogMistakeCommand(git, notes, findSimilar, noteEditor);
  const responseNews = new ResponseNews(notes, git, context.workspaceState);
  const responseAlerts = new ResponseAlerts(notes, responseNews, learnings, context.globalState);
  const respond = new RespondCommand(notes, git, () => responseAlerts.changed());
  const reanchor = new ReanchorCommand(notes, linked, noteEditor, git);
  const reviewChanges = new ReviewChangesCommand(notes, git, learnings.provider);
  const codeLens = new LearningCodeLensProvider(linked);
  // Late-bound: Mark All as Reviewed on a shown digest goes to the command below.
  const digest: DigestCommand = new DigestCommand(notes, git, (uri): Thenable<unknown> => markReviewed.markDigest(uri));
  const markReviewed: MarkReviewedCommand = new MarkReviewedCommand(notes, noteEditor, (uri) => digest.digestOf(uri));

  context.subscriptions.push(
    notes,
    linked,
    learnings,
    responseNews,
    responseAlerts,
    vscode.window.registerFileDecorationProvider(responseNews),
    codeLens,
    new LearningDecorations(linked, context.extensionUri),
    vscode.window.registerFileDecorationProvider(new LearningFileDecorations(linked)),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new LearningHoverProvider(linked)),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, codeLens),
    vscode.commands.registerCommand('candor.reanchor', (target?: unknown) => reanchor.run(target)),
    reviewChanges,
    vscode.commands.registerCommand('candor.reviewChanges', (arg?: unknown) => reviewChanges.run(arg)),
    new NoteCommands(notes, noteEditor).register(),
    new FollowUpCommands(notes, noteEditor).register(),
    overdue,
    blameless,
    trackActiveNote(notes),
    new DisclosureCommands(notes, drafts, noteEditor, context.secrets).register(),
    vscode.workspace.registerTextDocumentContentProvider(DISCLOSURE_SCHEME, new DisclosurePreviewProvider(notes, drafts)),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown', scheme: 'file' }, blameless, { providedCodeActionKinds: BlamelessDiagnostics.providedCodeActionKinds }),
    vscode.commands.registerCommand('candor.linkCommit', (target?: unknown, sha?: unknown, role?: unknown) => linkCommit.run(target, scriptArgument(sha), scriptArgument(role))),
    vscode.commands.registerCommand('candor.insertTrailer', (target?: unknown) => insertTrailer(notes, target)),
    vscode.commands.registerCommand('candor.showInsights', (args?: unknown) => insights.run(scriptArgument(args) as InsightsArgs | undefined)),
    vscode.commands.registerCommand('candor.buildSite', (args?: unknown) => site.run(scriptArgument(args) as BuildSiteArgs | undefined)),
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocumentProvider(git)),
    vscode.commands.registerCommand('candor.respond', (target?: unknown, args?: unknown) => respond.run(target, scriptArgument(args))),
    digest,
    vscode.commands.registerCommand('candor.showDigest', (args?: unknown) => digest.run(scriptArgument(args))),
    vscode.commands.registerCommand('candor.markReviewed', (target?: unknown, selected?: unknown) => markReviewed.run(target, selected)),
    vscode.commands.registerCommand('candor.findSimilar', (target?: unknown, second?: unknown) => findSimilar.run(target, second)),
    vscode.commands.registerCommand('candor.logMistake', (arg?: unknown, selected?: unknown) => logMistake.run(arg, selected)),
    vscode.commands.registerCommand('candor.refresh', () => notes.reset()),
    vscode.commands.registerCommand('candor.openNote', (target?: unknown, options?: unknown) => openNote(target, scriptArgument(options) as vscode.TextDocumentShowOptions | undefined)),
    vscode.commands.registerCommand('candor.openLinkedFile', openLinkedFile),
    vscode.commands.registerCommand('candor.showCommit', showCommit),
    vscode.commands.registerCommand('candor.copyPermalink', (node?) => copyPermalink(git, node)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => notes.reset()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('candor.incidentsFolder')) {
        notes.reset();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => learnings.provider.refresh()),
    openFirstStepsOnce(context),
  );
  return { git, notes, linked, learnings: learnings.provider, view: learnings, overdue, blameless, responseNews, responseAlerts };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
