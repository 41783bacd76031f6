import type { Language } from '../../shared/model/languages';

/**
 * What a window shows instead of a blank or missing console: when the case store cannot be
 * opened at start, or when the console's page keeps dying. What happened, what to do, and the
 * details to pass on. A self-contained page (no script, inline style only) loaded as a data:
 * URL, built here so it is tested.
 */
export type StoreProblemKind = 'locked' | 'damaged' | 'newer' | 'unknown';

/** The store's refusals are told apart by name (errors from electron/store's face). */
const KIND_BY_NAME: Record<string, StoreProblemKind> = {
  StoreLockedError: 'locked',
  StoreDamagedError: 'damaged',
  NewerDatabaseError: 'newer',
};

export function storeProblemKind(error: unknown): StoreProblemKind {
  const name = error instanceof Error ? error.name : '';
  return KIND_BY_NAME[name] ?? 'unknown';
}

const TEXT = {
  en: {
    heading: 'Refund Console cannot open its case store',
    locked: {
      title: 'The case store is in use by another program',
      steps: [
        'Close the other copy of Refund Console, or the command-line tool, that has the store open.',
        'Then start Refund Console again.',
      ],
    },
    damaged: {
      title: 'The case store is damaged',
      steps: [
        'Do not delete or move the file: it is kept as it is for recovery.',
        'Restore the newest good backup as the details below say, then start Refund Console again.',
        'If there is no good backup, send the details and the logs folder to your administrator.',
      ],
    },
    newer: {
      title: 'The case store was written by a newer Refund Console',
      steps: [
        'Install the newer version of Refund Console that wrote it; the file was not changed.',
        'Ask your administrator for it if updates are managed for you.',
      ],
    },
    unknown: {
      title: 'The case store could not be opened',
      steps: [
        'Check that the data folder below exists and that you may write to it.',
        'Send the details and the logs folder to your administrator.',
      ],
    },
    details: 'Details',
    dataFile: 'Case store',
    logs: 'Logs folder',
  },
  zh: {
    heading: 'Refund Console 无法打开案件库',
    locked: {
      title: '案件库正被另一个程序使用',
      steps: [
        '关闭正在使用案件库的另一个 Refund Console 窗口或命令行工具。',
        '然后重新启动 Refund Console。',
      ],
    },
    damaged: {
      title: '案件库已损坏',
      steps: [
        '请勿删除或移动该文件：它原样保留，以便恢复。',
        '按下方详情所述恢复最新的完好备份，然后重新启动 Refund Console。',
        '如果没有完好的备份，请把详情和日志文件夹发给管理员。',
      ],
    },
    newer: {
      title: '案件库由更新版本的 Refund Console 写入',
      steps: [
        '请安装写入它的新版本 Refund Console；文件未被改动。',
        '如果更新由管理员统一管理，请向管理员索取。',
      ],
    },
    unknown: {
      title: '无法打开案件库',
      steps: ['请确认下方的数据文件夹存在，并且您有写入权限。', '请把详情和日志文件夹发给管理员。'],
    },
    details: '详情',
    dataFile: '案件库',
    logs: '日志文件夹',
  },
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export interface StoreProblem {
  error: unknown;
  storeFile: string;
  logsFolder: string;
  language: Language;
}

export function storeProblemPage({ error, storeFile, logsFolder, language }: StoreProblem): string {
  const text = TEXT[language];
  const kind = text[storeProblemKind(error)];
  return problemPage(language, {
    heading: text.heading,
    title: kind.title,
    steps: kind.steps,
    facts: [
      [text.dataFile, storeFile],
      [text.logs, logsFolder],
    ],
    details: [text.details, error instanceof Error ? error.message : String(error)],
  });
}

const RENDERER_TEXT = {
  en: {
    heading: 'The Refund Console window stopped working',
    title: 'Its page closed unexpectedly twice in a row',
    steps: [
      'Quit Refund Console and start it again. Cases already recorded are kept in the store.',
      'If this page comes back, send the logs folder to your administrator.',
    ],
    logs: 'Logs folder',
    details: 'Details',
  },
  zh: {
    heading: 'Refund Console 窗口停止工作',
    title: '其页面连续两次意外关闭',
    steps: [
      '请退出 Refund Console 后重新启动。已记录的案件都保存在案件库中。',
      '如果再次出现此页面，请把日志文件夹发给管理员。',
    ],
    logs: '日志文件夹',
    details: '详情',
  },
} as const;

/** Shown in the console window when its page keeps dying (lifecycle.ts rendererGoneStep). */
export function rendererProblemPage(language: Language, logsFolder: string, reason: string): string {
  const text = RENDERER_TEXT[language];
  return problemPage(language, {
    heading: text.heading,
    title: text.title,
    steps: text.steps,
    facts: [[text.logs, logsFolder]],
    details: [text.details, reason],
  });
}

interface ProblemText {
  heading: string;
  title: string;
  steps: readonly string[];
  facts: [string, string][];
  details: [string, string];
}

function problemPage(language: Language, text: ProblemText): string {
  const steps = text.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('');
  const facts = text.facts
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd><code>${escapeHtml(value)}</code></dd>`)
    .join('\n');
  return `<!doctype html>
<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(text.heading)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2.5rem auto; max-width: 44rem; padding: 0 1.5rem; color: #1b1f24; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.1rem; color: #a3261b; }
code, pre { font: 13px ui-monospace, monospace; background: #f3f4f6; padding: 0.1rem 0.3rem; border-radius: 4px; }
pre { padding: 0.75rem; white-space: pre-wrap; word-break: break-word; user-select: text; }
dt { font-weight: 600; margin-top: 0.5rem; }
</style>
</head>
<body>
<h1>${escapeHtml(text.heading)}</h1>
<h2>${escapeHtml(text.title)}</h2>
<ol>${steps}</ol>
<dl>
${facts}
</dl>
<h3>${escapeHtml(text.details[0])}</h3>
<pre>${escapeHtml(text.details[1])}</pre>
</body>
</html>
`;
}

export const dataUrl = (html: string) => `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;

/** The console's language when the store (which keeps the setting) cannot be read: the system's. */
export const languageFromLocale = (locale: string): Language =>
  locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
